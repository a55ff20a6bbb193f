namespace MlopsCi.Core.Drift;

/// <summary>
/// One column compared between the baseline and the current sample: its kind, PSI, the test used ("ks" for numeric,
/// "chi2" for categorical columns) with statistic, p-value and degrees of freedom, whether it drifted and why in words.
/// Values that were not computed are null; counts are non-missing values.
/// </summary>
public sealed record DriftColumn(
    string Name,
    ColumnKind Kind,
    double? Psi,
    string? Test,
    double? Statistic,
    double? PValue,
    int? DegreesOfFreedom,
    bool Drifted,
    string Reason,
    long BaselineCount,
    long CurrentCount)
{
    /// <summary>The test's name for people: "KS", "χ²" or "".</summary>
    public string TestLabel => Test switch
    {
        "ks" => "KS",
        "chi2" => "χ²",
        _ => "",
    };
}
