namespace MlopsCi.Core.Reporting;

/// <summary>Results of the data-quality hooks that ran on the pull request's data (e.g. pre-commit).</summary>
public sealed record ValidationSection(string Event, IReadOnlyList<ValidationRow> Hooks)
{
    /// <summary>Whether every hook passed.</summary>
    public bool Passed => Hooks.All(h => h.Passed);
}
