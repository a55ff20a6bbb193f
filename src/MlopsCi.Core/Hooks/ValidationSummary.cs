using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// One line of a validation table for reports: a passed hook gives one line (no file), a failed hook one line per
/// finding. Build them with <see cref="HookRun.Summaries"/>.
/// </summary>
public sealed record ValidationSummary(
    string HookId,
    string Type,
    HookEvent Event,
    bool Passed,
    string? File,
    string? Column,
    string Rule,
    long OffendingRows,
    IReadOnlyList<RowSample> Samples,
    string Message);
