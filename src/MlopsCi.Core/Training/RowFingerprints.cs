using System.Buffers.Binary;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Training;

/// <summary>
/// The 64-bit content hashes of a set of rows, sorted and distinct: what a run trained on, so a later comparison can
/// prove (or count) that its evaluation rows were not among them. 8 bytes a row, stored beside the run.
/// </summary>
public sealed class RowFingerprints
{
    private static readonly byte[] Magic = "MLOPSRF1"u8.ToArray();
    private readonly ulong[] _sorted;

    private RowFingerprints(ulong[] sorted) => _sorted = sorted;

    /// <summary>How many distinct rows.</summary>
    public int Count => _sorted.Length;

    /// <summary>The set of <paramref name="hashes"/> (any order, duplicates allowed).</summary>
    public static RowFingerprints Of(IEnumerable<ulong> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var sorted = hashes.ToArray();
        Array.Sort(sorted);
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[distinct - 1])
                sorted[distinct++] = sorted[i];
        }

        return new RowFingerprints(distinct == sorted.Length ? sorted : sorted[..distinct]);
    }

    /// <summary>Whether a row with this hash is in the set.</summary>
    public bool Contains(ulong hash) => Array.BinarySearch(_sorted, hash) >= 0;

    /// <summary>The stored form: a magic, then the hashes as little-endian 64-bit integers in ascending order.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Magic.Length + (_sorted.Length * 8)];
        Magic.CopyTo(bytes, 0);
        for (var i = 0; i < _sorted.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(Magic.Length + (i * 8)), _sorted[i]);
        return bytes;
    }

    /// <summary>Reads the stored form; anything else is corruption of <paramref name="what"/>.</summary>
    public static RowFingerprints Parse(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic) || (bytes.Length - Magic.Length) % 8 != 0)
            throw new CorruptionException($"{what} is not a training-row fingerprint file (bad header or length {bytes.Length}).", [what]);
        var sorted = new ulong[(bytes.Length - Magic.Length) / 8];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(Magic.Length + (i * 8))..]);
            if (i > 0 && sorted[i] <= sorted[i - 1])
                throw new CorruptionException($"{what}: fingerprints are not in ascending order at entry {i}.", [what]);
        }

        return new RowFingerprints(sorted);
    }
}
