using MlopsCi.Core.Drift;
using MlopsCi.Core.Drift.Profiling;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>drift</c>: profiles each column of the destination's version (kind inferred from its first rows, as
/// <c>mlops drift</c> does) and of the file with the same kind, then lets the drift analyzer judge them (PSI with KS or χ²).
/// A file the destination does not have is not judged.
/// </summary>
internal sealed class DriftCheck(DriftRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), IBaselineCheck
{
    private const int MaxValues = 200_000;
    private int[] _indexes = [];
    private int[] _baselineIndexes = [];
    private List<string>[] _pending = [];
    private ColumnProfile?[] _baseline = [];
    private ColumnProfile?[] _current = [];
    private bool _hasBaseline;

    public bool NeedsBaseline => true;

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, rule.Columns);
        _current = [.. rule.Columns.Select((c, k) => _hasBaseline && _baseline[k] is { } b ? new ColumnProfile(c, b.Kind, b.SkipReason, MaxValues, k + 1) : null)];
    }

    public override void Observe(TableRow row)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            if (_indexes[k] >= 0)
                _current[k]?.Add(row[_indexes[k]]);
        }
    }

    public override void Finish(long rows)
    {
        var thresholds = new DriftSpec(rule.Psi, rule.PValue, rule.PValue);
        for (var k = 0; k < _indexes.Length; k++)
        {
            if (_indexes[k] < 0 || _current[k] is not { } current || _baseline[k] is not { } baseline)
                continue;
            var drift = DriftAnalyzer.Compare(baseline, current, thresholds);
            if (drift.Drifted)
                Report(rule.Columns[k], rule.Describe(), 0, [], $"{drift.Reason} ({drift.BaselineCount:N0} values in the destination, {drift.CurrentCount:N0} here)");
        }
    }

    public void StartBaseline(IReadOnlyList<string> header)
    {
        _baselineIndexes = [.. rule.Columns.Select(c => IndexOf(header, c))];
        _pending = [.. rule.Columns.Select(_ => new List<string>())];
        _baseline = new ColumnProfile?[rule.Columns.Count];
    }

    public void ObserveBaseline(TableRow row)
    {
        for (var k = 0; k < _baselineIndexes.Length; k++)
        {
            if (_baselineIndexes[k] < 0)
                continue;
            if (_baseline[k] is { } profile)
            {
                profile.Add(row[_baselineIndexes[k]]);
                continue;
            }

            _pending[k].Add(row[_baselineIndexes[k]].ToString());
            if (_pending[k].Count >= ColumnKindInference.SampleSize)
                Fix(k);
        }
    }

    public void FinishBaseline(long rows)
    {
        for (var k = 0; k < _baselineIndexes.Length; k++)
        {
            if (_baselineIndexes[k] >= 0 && _baseline[k] is null)
                Fix(k);
        }

        _hasBaseline = true;
    }

    /// <summary>Fixes a column's kind from the buffered values, then replays them into its profile.</summary>
    private void Fix(int k)
    {
        var (kind, reason) = ColumnKindInference.Infer(_pending[k]);
        var profile = new ColumnProfile(rule.Columns[k], kind, reason, MaxValues, k + 1);
        foreach (var value in _pending[k])
            profile.Add(value);
        _baseline[k] = profile;
        _pending[k].Clear();
    }
}
