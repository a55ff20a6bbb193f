using System.Globalization;

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
    string? Title = null)
{
    /// <summary>The properties in the runner's names and order (file, line, endLine, col, endColumn, title); unset ones are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToProperties()
    {
        var result = new List<KeyValuePair<string, string>>();
        Add(result, "file", File);
        Add(result, "line", Line?.ToString(CultureInfo.InvariantCulture));
        Add(result, "endLine", EndLine?.ToString(CultureInfo.InvariantCulture));
        Add(result, "col", Column?.ToString(CultureInfo.InvariantCulture));
        Add(result, "endColumn", EndColumn?.ToString(CultureInfo.InvariantCulture));
        Add(result, "title", Title);
        return result;
    }

    private static void Add(List<KeyValuePair<string, string>> list, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            list.Add(new(key, value));
        }
    }
}
