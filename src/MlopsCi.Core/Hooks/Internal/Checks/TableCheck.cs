using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>One hook's rule applied to one file during the single pass over its rows.</summary>
internal abstract class TableCheck(string file, int maxSamples)
{
    private readonly List<HookFinding> _findings = [];

    public IReadOnlyList<HookFinding> Findings => _findings;

    protected string File { get; } = file;

    protected int MaxSamples { get; } = maxSamples;

    /// <summary>The share of checked rows that must pass (<c>mostly</c>); null: every row.</summary>
    public double? Mostly { get; set; }

    public abstract void Start(IReadOnlyList<string> header);

    public abstract void Observe(TableRow row);

    public virtual void Finish(long rows)
    {
    }

    protected void Report(string? column, string rule, long offending, IReadOnlyList<RowSample> samples, string message) =>
        _findings.Add(new HookFinding(File, column, rule, offending, samples, message));

    protected void Report(string? column, string rule, Offenders offenders, string message)
    {
        if (offenders.Count > 0)
            Report(column, rule, offenders.Count, offenders.Samples, message);
    }

    /// <summary>
    /// Reports offending rows unless <see cref="Mostly"/> lets them pass: with it, the finding says which share of the
    /// <paramref name="checkedRows"/> passed and which share is required.
    /// </summary>
    protected void Report(string? column, string rule, Offenders offenders, long checkedRows, string message)
    {
        if (offenders.Count == 0)
            return;
        if (Mostly is not { } mostly)
        {
            Report(column, rule, offenders, message);
            return;
        }

        var share = checkedRows == 0 ? 1 : (double)(checkedRows - offenders.Count) / checkedRows;
        if (share >= mostly)
            return;
        Report(column, $"{rule} (mostly {Percent(mostly)})", offenders.Count, offenders.Samples,
            $"{message}: {Percent(share)} of {checkedRows:N0} checked rows pass, mostly requires {Percent(mostly)}");
    }

    protected static string Percent(double fraction) => (fraction * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The index of each column in the header, -1 (with a finding) for a missing one.</summary>
    protected int[] Resolve(IReadOnlyList<string> header, IReadOnlyList<string> columns)
    {
        var indexes = new int[columns.Count];
        for (var k = 0; k < columns.Count; k++)
        {
            indexes[k] = IndexOf(header, columns[k]);
            if (indexes[k] < 0)
                Report(columns[k], "column exists", 0, [], $"there is no column '{columns[k]}' ({Columns(header)})");
        }

        return indexes;
    }

    protected static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }

    protected static string Rows(long count) => count == 1 ? "1 row" : $"{count:N0} rows";

    private static string Columns(IReadOnlyList<string> header) => header.Count == 0
        ? "the file has no header"
        : "columns: " + string.Join(", ", header.Take(20)) + (header.Count > 20 ? ", …" : "");
}
