namespace MlopsCi.Core.Reporting;

/// <summary>
/// How much detail a rendering keeps; the renderer steps down these levels until the report fits. The data section's
/// folded samples of modified rows (<see cref="SampleTables"/> tables, <see cref="SampleRows"/> rows each) and its
/// most-changed columns per table (<see cref="TopColumns"/>) shrink with the rest, as do the confusion matrix
/// (<see cref="ConfusionClasses"/>) and the slice table (<see cref="SliceRows"/>).
/// </summary>
internal sealed record RenderLimits(
    int Files, int ListItems, int Features, int ClassRows, bool Chart, bool Shortened, int SampleTables, int SampleRows, int TopColumns, int ConfusionClasses, int SliceRows)
{
    /// <summary>From full detail to the minimum, in order.</summary>
    public static IReadOnlyList<RenderLimits> Levels { get; } =
    [
        new(1000, 50, 10, 100, true, false, 10, 5, 5, 12, 30),
        new(25, 5, 5, 20, true, true, 3, 3, 3, 8, 10),
        new(5, 2, 3, 5, false, true, 1, 2, 2, 0, 5),
    ];
}
