namespace MlopsCi.Core.Reporting;

/// <summary>How much detail a rendering keeps; the renderer steps down these levels until the report fits.</summary>
internal sealed record RenderLimits(int Files, int ListItems, int Features, int ClassRows, bool Chart, bool Shortened, int ConfusionClasses, int SliceRows)
{
    /// <summary>From full detail to the minimum, in order.</summary>
    public static IReadOnlyList<RenderLimits> Levels { get; } =
    [
        new(1000, 50, 10, 100, true, false, 12, 30),
        new(25, 5, 5, 20, true, true, 8, 10),
        new(5, 2, 3, 5, false, true, 0, 5),
    ];
}
