using System.Buffers.Binary;
using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// Streams one version of a table into <c>partitions</c> spill files by the hash of each row's match key (the key
/// cells, or every cell in column-name order when unkeyed), so rows that can match land in the same partition of both
/// sides. Also collects each column's statistics for the schema diff.
/// </summary>
internal sealed class SpillWriter(string directory, string side, int partitions, IReadOnlyList<string> key, string path) : TableVisitor, IDisposable
{
    private const int BufferBytes = 1 << 15;
    private readonly FileStream?[] _files = new FileStream?[partitions];
    private readonly byte[][] _buffers = new byte[partitions][];
    private readonly int[] _used = new int[partitions];
    private int[] _match = [];
    private byte[] _record = new byte[1024];
    private ulong[] _hashes = new ulong[64];

    public IReadOnlyList<string> Names { get; private set; } = [];

    public ColumnStats[] Stats { get; private set; } = [];

    public long Rows { get; private set; }

    public string PartitionPath(int partition) => Path.Combine(directory, $"{side}-{partition}.bin");

    public override void Header(IReadOnlyList<string> columns)
    {
        Names = [.. columns];
        Stats = [.. columns.Select(_ => new ColumnStats())];
        var missing = key.Where(k => !columns.Contains(k, StringComparer.Ordinal)).ToList();
        if (key.Count > 0 && missing.Count > 0 && columns.Count > 0)
        {
            throw new InvalidInputException(
                $"The key column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"'{m}'"))} {(missing.Count == 1 ? "is" : "are")} not in {path} (columns: {string.Join(", ", columns.Take(20))}). Name the key with --key or data.keys in mlops.yml.");
        }

        _match = key.Count > 0
            ? [.. key.Select(k => Names.ToList().IndexOf(k))]
            : [.. Enumerable.Range(0, columns.Count).OrderBy(i => columns[i], StringComparer.Ordinal)];
    }

    public override void Row(TableRow row)
    {
        Rows++;
        var length = Encode(row);
        // The partition comes from the match cells' byte hashes, combined in match order: the same on both sides.
        var hash = 0x243F6A8885A308D3UL;
        foreach (var index in _match)
            hash = Hashing.Mix64(hash ^ _hashes[index]);
        var partition = (int)((hash >> 32) % (uint)partitions);
        for (var i = 0; i < Stats.Length; i++)
            Stats[i].Add(row[i], _hashes[i], Rows);
        Append(partition, length);
    }

    /// <summary>Flushes and closes every spill file.</summary>
    public void Complete()
    {
        for (var p = 0; p < partitions; p++)
        {
            Flush(p);
            _files[p]?.Dispose();
            _files[p] = null;
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
            file?.Dispose();
    }

    /// <summary>Encodes the row as a spill record into the scratch buffer, hashing each cell's bytes as they are written; returns its length.</summary>
    private int Encode(TableRow row)
    {
        var cells = Math.Max(row.FieldCount, Names.Count);
        var most = SpillRecord.HeaderBytes;
        for (var i = 0; i < cells; i++)
            most += 4 + Encoding.UTF8.GetMaxByteCount(row[i].Length);
        if (_record.Length < most)
            _record = new byte[Math.Max(most, _record.Length * 2)];
        if (_hashes.Length < cells)
            _hashes = new ulong[cells];
        var span = _record.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], row.Number);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], cells);
        var p = SpillRecord.HeaderBytes;
        for (var i = 0; i < cells; i++)
        {
            var n = Encoding.UTF8.GetBytes(row[i], span[(p + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[p..], n);
            _hashes[i] = ByteHash.Of(span.Slice(p + 4, n));
            p += 4 + n;
        }

        BinaryPrimitives.WriteInt32LittleEndian(span, p - 4);
        return p;
    }

    private void Append(int partition, int length)
    {
        var buffer = _buffers[partition] ??= new byte[BufferBytes];
        if (_used[partition] + length > buffer.Length)
        {
            Flush(partition);
            if (length > buffer.Length)
                buffer = _buffers[partition] = new byte[length];
        }

        _record.AsSpan(0, length).CopyTo(buffer.AsSpan(_used[partition]));
        _used[partition] += length;
    }

    private void Flush(int partition)
    {
        if (_used[partition] == 0)
            return;
        var file = _files[partition] ??= new FileStream(PartitionPath(partition), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        file.Write(_buffers[partition], 0, _used[partition]);
        _used[partition] = 0;
    }
}
