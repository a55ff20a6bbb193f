using System.Text;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// Compares one partition of both sides in memory: the old side's rows are indexed by match key (rows with the same key
/// are chained, and each new row takes the first unmatched one), then the new side's rows are looked up; keys and cells
/// are compared as UTF-8 bytes straight from the spill buffers (<see cref="KeyIndex"/>), and text is decoded only for
/// samples and duplicate keys. The index and row arrays are reused from partition to partition.
/// </summary>
internal sealed class PartitionComparer(DiffPlan plan, DiffTally tally)
{
    private const byte Separator = 0x1F;
    private readonly KeyIndex _first = new();
    private readonly KeyIndex _seen = new();
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int[] _otherStarts = new int[64];
    private int[] _otherLengths = new int[64];
    private byte[] _key = new byte[256];
    private int[] _offsets = new int[1024];
    private int[] _next = new int[1024];
    private bool[] _matched = new bool[1024];

    /// <summary>Compares the first <paramref name="leftLength"/> bytes of <paramref name="left"/> with the first <paramref name="rightLength"/> of <paramref name="right"/>.</summary>
    public void Compare(byte[] left, int leftLength, byte[] right, int rightLength)
    {
        _first.Clear();
        _seen.Clear();
        var rows = 0;
        for (var offset = 0; offset < leftLength;)
        {
            var end = SpillRecord.Cells(left, offset, ref _starts, ref _lengths, out _);
            var key = KeyOf(left, plan.LeftMatch, _starts, _lengths);
            if (rows == _offsets.Length)
            {
                Array.Resize(ref _offsets, rows * 2);
                Array.Resize(ref _next, rows * 2);
            }

            (_offsets[rows], _next[rows]) = (offset, -1);
            var chain = _first.GetOrAdd(key, rows);
            if (chain >= 0)
            {
                while (_next[chain] >= 0)
                    chain = _next[chain];
                _next[chain] = rows;
                if (plan.Keyed)
                    Duplicate(tally.DuplicateKeysBefore, SpillRecord.Number(left, offset), key, before: true);
            }

            rows++;
            offset = end;
        }

        if (_matched.Length < rows)
            _matched = new bool[Math.Max(rows, _matched.Length * 2)];
        Array.Clear(_matched, 0, rows);
        for (var offset = 0; offset < rightLength;)
        {
            var end = SpillRecord.Cells(right, offset, ref _otherStarts, ref _otherLengths, out _);
            var key = KeyOf(right, plan.RightMatch, _otherStarts, _otherLengths);
            var number = SpillRecord.Number(right, offset);
            if (plan.Keyed && _seen.GetOrAdd(key, 0) >= 0)
                Duplicate(tally.DuplicateKeysAfter, number, key, before: false);
            var index = _first.Find(key);
            while (index >= 0 && _matched[index])
                index = _next[index];
            if (index < 0)
            {
                tally.Added++;
                if (tally.AddedRows.Wants(number))
                    tally.AddedRows.Add(number, Whole(RowChangeKind.Added, right, offset, _otherStarts, _otherLengths, plan.RightNames));
            }
            else
            {
                _matched[index] = true;
                if (plan.Keyed)
                    CompareCells(left, _offsets[index], right, offset, number);
            }

            offset = end;
        }

        for (var i = 0; i < rows; i++)
        {
            if (_matched[i])
                continue;
            tally.Removed++;
            var number = SpillRecord.Number(left, _offsets[i]);
            if (tally.RemovedRows.Wants(number))
            {
                SpillRecord.Cells(left, _offsets[i], ref _starts, ref _lengths, out _);
                tally.RemovedRows.Add(number, Whole(RowChangeKind.Removed, left, _offsets[i], _starts, _lengths, plan.LeftNames));
            }
        }
    }

    private void CompareCells(byte[] left, int leftOffset, byte[] right, int rightOffset, long number)
    {
        SpillRecord.Cells(left, leftOffset, ref _starts, ref _lengths, out _);
        var changed = false;
        for (var c = 0; c < plan.Compared.Length; c++)
        {
            var column = plan.Compared[c];
            var a = left.AsSpan(_starts[column.Left], _lengths[column.Left]);
            var b = right.AsSpan(_otherStarts[column.Right], _otherLengths[column.Right]);
            if (a.SequenceEqual(b))
                continue;
            tally.CellChanges[c]++;
            changed = true;
        }

        if (!changed)
            return;
        tally.Modified++;
        if (!tally.ModifiedRows.Wants(number))
            return;
        var cells = new List<CellChange>();
        for (var k = 0; k < plan.KeyNames.Count; k++)
        {
            var value = Text(right, _otherStarts[plan.RightMatch[k]], _otherLengths[plan.RightMatch[k]]);
            cells.Add(new CellChange(plan.KeyNames[k], value, value));
        }

        foreach (var column in plan.Compared)
        {
            var before = Text(left, _starts[column.Left], _lengths[column.Left]);
            var after = Text(right, _otherStarts[column.Right], _otherLengths[column.Right]);
            if (!string.Equals(before, after, StringComparison.Ordinal))
                cells.Add(new CellChange(column.Name, before, after));
        }

        var key = cells.Take(plan.KeyNames.Count).Select(c => c.After ?? "").ToList();
        tally.ModifiedRows.Add(number, new RowChange(RowChangeKind.Modified, key, SpillRecord.Number(left, leftOffset), number, cells));
    }

    private RowChange Whole(RowChangeKind kind, byte[] data, int offset, int[] starts, int[] lengths, IReadOnlyList<string> names)
    {
        var number = SpillRecord.Number(data, offset);
        var values = names.Select((_, i) => Text(data, starts[i], lengths[i])).ToList();
        var cells = names.Select((n, i) => kind == RowChangeKind.Added ? new CellChange(n, null, values[i]) : new CellChange(n, values[i], null)).ToList();
        var key = plan.Keyed ? plan.KeyNames.Select(k => values[names.ToList().IndexOf(k)] ?? "").ToList() : [];
        return new RowChange(kind, key, kind == RowChangeKind.Removed ? number : null, kind == RowChangeKind.Added ? number : null, cells);
    }

    private void Duplicate(SampleKeeper<string> keys, long number, ReadOnlySpan<byte> key, bool before)
    {
        if (before)
            tally.DuplicatesBefore++;
        else
            tally.DuplicatesAfter++;
        if (keys.Wants(number))
            keys.Add(number, Encoding.UTF8.GetString(key).Replace((char)Separator, '|'));
    }

    /// <summary>The match key's bytes: the one key cell as it is, or the cells joined by a unit separator.</summary>
    private ReadOnlySpan<byte> KeyOf(byte[] data, int[] match, int[] starts, int[] lengths)
    {
        if (match.Length == 1)
            return data.AsSpan(starts[match[0]], lengths[match[0]]);
        var length = 0;
        for (var k = 0; k < match.Length; k++)
        {
            var bytes = data.AsSpan(starts[match[k]], lengths[match[k]]);
            if (length + bytes.Length + 1 > _key.Length)
                Array.Resize(ref _key, Math.Max(_key.Length * 2, length + bytes.Length + 1));
            if (k > 0)
                _key[length++] = Separator;
            bytes.CopyTo(_key.AsSpan(length));
            length += bytes.Length;
        }

        return _key.AsSpan(0, length);
    }

    private static string? Text(byte[] data, int start, int length) => length == 0 ? null : SpillRecord.Text(data, start, length);
}
