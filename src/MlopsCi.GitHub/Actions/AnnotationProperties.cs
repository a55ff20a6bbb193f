namespace MlopsCi.GitHub.Actions;

/// <summary>Where an <c>::error</c>, <c>::warning</c> or <c>::notice</c> annotation points; every part is optional.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The first line (1-based).</param>
/// <param name="Column">The first column (1-based).</param>
/// <param name="EndLine">The last line.</param>
/// <param name="EndColumn">The last column.</param>
/// <param name="Title">A title shown above the message.</param>
public sealed record AnnotationProperties(
    string? File = null,
    int? Line = null,
    int? Column = null,
    int? EndLine = null,
    int? EndColumn = null,
    string? Title = null);
