using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>duplicate-rows</c>: a whole record's 64-bit hash (the row diff's cell hash over the columns in name order, so the
/// column order of a file does not matter) with the row it was first seen in; a repeat within the file offends here,
/// a repeat of another changed file of the table offends in the cross-file merge.
/// </summary>
internal sealed class DuplicateRowsCheck(DuplicateRowsRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), ICrossFileCheck
{
    private readonly Dictionary<ulong, RowRef> _first = [];
    private readonly Offenders _duplicates = new(maxSamples);
    private int[] _order = [];

    public override void Start(IReadOnlyList<string> header) => _order = RowHash.NameOrder(header);

    public override void Observe(TableRow row)
    {
        var hash = RowHash.Of(row, _order);
        if (_first.TryGetValue(hash, out var first))
            _duplicates.Add(row, $"same record as row {first.Row:N0}");
        else
            _first[hash] = new RowRef(row.Number, row.Line);
    }

    public override void Finish(long rows)
    {
        Report(null, rule.Describe(), _duplicates, rows, $"{Rows(_duplicates.Count)} repeat{(_duplicates.Count == 1 ? "s" : "")} an earlier row of the file");
    }

    public bool SpansFiles => rule.AcrossFiles;

    public IReadOnlyList<HookFinding> Merge(ref object? state) => rule.AcrossFiles
        ? CrossFile.Merge(ref state, File, _first, MaxSamples, _ => "same record ", n => $"{Rows(n)} repeat{(n == 1 ? "s" : "")} a row of another changed file of the table", null, rule.Describe())
        : [];
}
