using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>new-categories</c>: the values each column has in the destination's version of the file, then every row whose
/// value is not among them; the finding names the new values. A file the destination does not have is not judged.
/// </summary>
internal sealed class NewCategoriesCheck(NewCategoriesRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), IBaselineCheck
{
    private const int MaxNamed = 10;
    private int[] _indexes = [];
    private int[] _baselineIndexes = [];
    private HashSet<string>[]? _known;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] _lookups = [];
    private HashSet<string>[] _new = [];
    private Offenders[] _offenders = [];
    private long[] _checked = [];
    private bool _hasBaseline;

    public bool NeedsBaseline => true;

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, rule.Columns);
        _offenders = [.. rule.Columns.Select(_ => new Offenders(MaxSamples))];
        _new = [.. rule.Columns.Select(_ => new HashSet<string>(StringComparer.Ordinal))];
        _checked = new long[rule.Columns.Count];
    }

    public override void Observe(TableRow row)
    {
        if (!_hasBaseline)
            return;
        for (var k = 0; k < _indexes.Length; k++)
        {
            var index = _indexes[k];
            if (index < 0 || _baselineIndexes[k] < 0 || row.IsNull(index))
                continue;
            _checked[k]++;
            if (_lookups[k].Contains(row[index]))
                continue;
            _offenders[k].Add(row, row[index]);
            if (_new[k].Count <= MaxNamed)
                _new[k].Add(row[index].ToString());
        }
    }

    public override void Finish(long rows)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            var named = _new[k].Take(MaxNamed).Select(v => $"'{v}'");
            var more = _new[k].Count > MaxNamed ? ", …" : "";
            Report(rule.Columns[k], rule.Describe(), _offenders[k], _checked[k],
                $"{Rows(_offenders[k].Count)} hold{(_offenders[k].Count == 1 ? "s" : "")} a value the destination never had ({string.Join(", ", named)}{more})");
        }
    }

    public void StartBaseline(IReadOnlyList<string> header)
    {
        _baselineIndexes = [.. rule.Columns.Select(c => IndexOf(header, c))];
        _known = [.. rule.Columns.Select(_ => new HashSet<string>(StringComparer.Ordinal))];
        _lookups = [.. _known.Select(k => k.GetAlternateLookup<ReadOnlySpan<char>>())];
    }

    public void ObserveBaseline(TableRow row)
    {
        for (var k = 0; k < _baselineIndexes.Length; k++)
        {
            var index = _baselineIndexes[k];
            if (index >= 0 && !row.IsNull(index) && !_lookups[k].Contains(row[index]))
                _lookups[k].Add(row[index]);
        }
    }

    public void FinishBaseline(long rows) => _hasBaseline = true;
}
