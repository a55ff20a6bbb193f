namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// How rows of the two sides meet: the cells that make the match key on each side (key columns, or every column in
/// name order when unkeyed) and the columns whose cells are compared (common non-key columns, renames included).
/// </summary>
internal sealed record DiffPlan(
    bool Keyed,
    IReadOnlyList<string> KeyNames,
    int[] LeftMatch,
    int[] RightMatch,
    ComparedColumn[] Compared,
    IReadOnlyList<string> LeftNames,
    IReadOnlyList<string> RightNames);
