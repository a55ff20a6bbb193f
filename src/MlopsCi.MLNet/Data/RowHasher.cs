using System.IO.Hashing;
using System.Runtime.InteropServices;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// A row's identity as 64-bit hashes of its content: each field (trimmed, unquoted) is hashed with its column's name as
/// the seed and the field hashes are summed, so the hash depends on the row's values by column name, not on where the
/// row or the columns sit in the file. The content hash covers every column (the training-row fingerprints); the key
/// hash only <c>model.key</c>'s columns when set (the split), so editing a non-key value keeps a row on its side.
/// </summary>
internal sealed class RowHasher
{
    private readonly ulong[] _columnSeeds;
    private readonly bool[]? _isKey;

    private RowHasher(ulong[] columnSeeds, bool[]? isKey) => (_columnSeeds, _isKey) = (columnSeeds, isKey);

    /// <summary>The hasher of a file's columns; key columns missing from the file are bad input.</summary>
    public static RowHasher For(ModelSpec spec, FileProfile file)
    {
        var seeds = file.Header.Select(name => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.Trim().AsSpan()))).ToArray();
        if (spec.Key is not { Count: > 0 } keys)
            return new RowHasher(seeds, null);
        var isKey = new bool[file.Header.Count];
        foreach (var key in keys)
        {
            var index = file.IndexOf(key);
            if (index < 0)
                throw new InvalidInputException($"{spec.At("key")}: key column '{key}' is not in {file.DisplayName} (columns: {string.Join(", ", file.Header)}). Name columns that identify a row, or remove 'key' to split by the whole row.");
            isKey[index] = true;
        }

        return new RowHasher(seeds, isKey);
    }

    /// <summary>Adds field <paramref name="column"/> to a row's running sums.</summary>
    public void Add(int column, ReadOnlySpan<char> value, ref ulong content, ref ulong key)
    {
        if (column >= _columnSeeds.Length)
            return;
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.Trim()), (long)_columnSeeds[column]);
        content += hash;
        if (_isKey is null || _isKey[column])
            key += hash;
    }

    /// <summary>The final hash of a row's running sum (a bijective mix, so sums that differ stay different).</summary>
    public static ulong Finish(ulong sum) => Hashing.Mix64(sum);

    /// <summary>
    /// Whether a row goes to the evaluation side: its key hash mixed with the seed, read as a number in [0, 1), is below
    /// the held-out fraction. A pure function of the row and the seed: no other row can move it.
    /// </summary>
    public static bool IsHeldOut(ulong key, int seed, double fraction) =>
        (Finish(key ^ Finish(0x9E3779B97F4A7C15UL * (ulong)(uint)seed)) >> 11) * (1.0 / (1UL << 53)) < fraction;

    /// <summary>The content hash of every non-empty row of a file, in file order.</summary>
    public ulong[] HashFile(FileProfile file)
    {
        var hashes = new List<ulong>(file.Rows);
        file.ReadRows(row =>
        {
            ulong content = 0, key = 0;
            for (var c = 0; c < row.FieldCount; c++)
                Add(c, row[c], ref content, ref key);
            hashes.Add(Finish(content));
        });
        return [.. hashes];
    }
}
