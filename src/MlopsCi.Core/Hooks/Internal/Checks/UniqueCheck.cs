using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>unique</c>: remembers each key of the file with the row it was first seen in (merged across files for scope table);
/// a row with any null key cell is skipped (as SQL does). Keys of several columns are joined with a unit separator in a
/// reused buffer.
/// </summary>
internal sealed class UniqueCheck(UniqueRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), ICrossFileCheck
{
    private const char Separator = '\u001f';
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Offenders _duplicates = new(maxSamples);
    // The line of every row, kept only for scope table (cross-file samples show lines); a file-scope check keeps 8 bytes a key.
    private readonly List<long>? _lines = rule.AcrossFiles ? [] : null;
    private Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int[] _indexes = [];
    private char[] _key = new char[256];
    private bool _ready;
    private long _checked;

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, rule.Columns);
        _ready = _indexes.All(i => i >= 0);
        _lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override void Observe(TableRow row)
    {
        _lines?.Add(row.Line);
        if (!_ready || !TryKey(row, out var key))
            return;
        _checked++;
        if (_lookup.TryGetValue(key, out var first))
            _duplicates.Add(row, $"{key.ToString().Replace(Separator, '|')} (first in row {first:N0})");
        else
            _lookup[key] = row.Number;
    }

    public override void Finish(long rows)
    {
        var count = _duplicates.Count;
        Report(string.Join(", ", rule.Columns), rule.Describe(), _duplicates, _checked, $"{Rows(count)} repeat{(count == 1 ? "s" : "")} a key of an earlier row");
    }

    public bool SpansFiles => rule.AcrossFiles;

    public IReadOnlyList<HookFinding> Merge(ref object? state) => rule.AcrossFiles
        ? CrossFile.Merge(ref state, File, _seen.Select(p => KeyValuePair.Create(p.Key, new RowRef(p.Value, _lines![(int)(p.Value - 1)]))), MaxSamples, key => key.Replace(Separator, '|') + " ", n => $"{Rows(n)} repeat{(n == 1 ? "s" : "")} a key of another changed file of the table", string.Join(", ", rule.Columns), rule.Describe())
        : [];

    private bool TryKey(TableRow row, out ReadOnlySpan<char> key)
    {
        key = default;
        if (_indexes.Length == 1)
        {
            key = row[_indexes[0]];
            return !row.IsNull(_indexes[0]);
        }

        var length = 0;
        foreach (var index in _indexes)
        {
            if (row.IsNull(index))
                return false;
            var value = row[index];
            if (length + value.Length + 1 > _key.Length)
                Array.Resize(ref _key, Math.Max(_key.Length * 2, length + value.Length + 1));
            value.CopyTo(_key.AsSpan(length));
            length += value.Length;
            _key[length++] = Separator;
        }

        key = _key.AsSpan(0, length - 1);
        return true;
    }
}
