using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// A check that compares a file with the destination's version of the same path: the runner streams that version
/// through these methods before the file's own pass. Without a destination version none of them is called, and the
/// check judges only what needs no comparison.
/// </summary>
internal interface IBaselineCheck
{
    /// <summary>Whether this check, as configured, compares with the destination at all.</summary>
    bool NeedsBaseline { get; }

    void StartBaseline(IReadOnlyList<string> header);

    void ObserveBaseline(TableRow row);

    void FinishBaseline(long rows);
}
