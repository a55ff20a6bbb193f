using System.Text;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// Compares one partition of both sides in memory: the old side's rows are indexed by match key (rows with the same key
/// are chained, and each new row takes the first unmatched one), then the new side's rows are looked up; cells are
/// compared as UTF-8 bytes straight from the spill buffers, and text is decoded only for keys and samples.
/// </summary>
internal sealed class PartitionComparer(DiffPlan plan, DiffTally tally)
{
    private const char Separator = '\u001f';
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int[] _otherStarts = new int[64];
    private int[] _otherLengths = new int[64];
    private char[] _key = new char[256];

    public void Compare(byte[] left, byte[] right)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var offsets = new List<int>();
        var next = new List<int>();
        for (var offset = 0; offset < left.Length;)
        {
            var end = SpillRecord.Cells(left, offset, ref _starts, ref _lengths, out _);
            var key = KeyOf(left, plan.LeftMatch, _starts, _lengths).ToString();
            var index = offsets.Count;
            offsets.Add(offset);
            next.Add(-1);
            if (first.TryGetValue(key, out var chain))
            {
                while (next[chain] >= 0)
                    chain = next[chain];
                next[chain] = index;
                if (plan.Keyed)
                    Duplicate(tally.DuplicateKeysBefore, SpillRecord.Number(left, offset), key, before: true);
            }
            else
                first[key] = index;
            offset = end;
        }

        var matched = new bool[offsets.Count];
        var lookup = first.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var offset = 0; offset < right.Length;)
        {
            var end = SpillRecord.Cells(right, offset, ref _otherStarts, ref _otherLengths, out _);
            var key = KeyOf(right, plan.RightMatch, _otherStarts, _otherLengths);
            var number = SpillRecord.Number(right, offset);
            if (plan.Keyed && !seenLookup.Add(key))
                Duplicate(tally.DuplicateKeysAfter, number, key.ToString(), before: false);
            var index = lookup.TryGetValue(key, out var chain) ? chain : -1;
            while (index >= 0 && matched[index])
                index = next[index];
            if (index < 0)
            {
                tally.Added++;
                if (tally.AddedRows.Wants(number))
                    tally.AddedRows.Add(number, Whole(RowChangeKind.Added, right, offset, _otherStarts, _otherLengths, plan.RightNames));
            }
            else
            {
                matched[index] = true;
                if (plan.Keyed)
                    CompareCells(left, offsets[index], right, offset, number);
            }

            offset = end;
        }

        for (var i = 0; i < offsets.Count; i++)
        {
            if (matched[i])
                continue;
            tally.Removed++;
            var number = SpillRecord.Number(left, offsets[i]);
            if (tally.RemovedRows.Wants(number))
            {
                SpillRecord.Cells(left, offsets[i], ref _starts, ref _lengths, out _);
                tally.RemovedRows.Add(number, Whole(RowChangeKind.Removed, left, offsets[i], _starts, _lengths, plan.LeftNames));
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

    private void Duplicate(SampleKeeper<string> keys, long number, string key, bool before)
    {
        if (before)
            tally.DuplicatesBefore++;
        else
            tally.DuplicatesAfter++;
        keys.Add(number, key.Replace(Separator, '|'));
    }

    private ReadOnlySpan<char> KeyOf(byte[] data, int[] match, int[] starts, int[] lengths)
    {
        var length = 0;
        for (var k = 0; k < match.Length; k++)
        {
            var bytes = data.AsSpan(starts[match[k]], lengths[match[k]]);
            var most = Encoding.UTF8.GetMaxCharCount(bytes.Length) + 1;
            if (length + most > _key.Length)
                Array.Resize(ref _key, Math.Max(_key.Length * 2, length + most));
            if (k > 0)
                _key[length++] = Separator;
            length += Encoding.UTF8.GetChars(bytes, _key.AsSpan(length));
        }

        return _key.AsSpan(0, length);
    }

    private static string? Text(byte[] data, int start, int length) => length == 0 ? null : SpillRecord.Text(data, start, length);
}
