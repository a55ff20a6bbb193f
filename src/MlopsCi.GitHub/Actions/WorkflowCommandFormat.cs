using System.Globalization;
using System.Text;

namespace MlopsCi.GitHub.Actions;

/// <summary>Formats workflow commands (<c>::name key=value,…::message</c>) with the runner's escaping.</summary>
public static class WorkflowCommandFormat
{
    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value: as <see cref="EscapeData"/> plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>One command line, without the trailing line break.</summary>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string>> properties, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(properties);
        var line = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (key, value) in properties)
        {
            line.Append(separator).Append(key).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return line.Append("::").Append(EscapeData(message ?? string.Empty)).ToString();
    }

    /// <summary>The annotation properties in the runner's names (file, line, endLine, col, endColumn, title).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToProperties(AnnotationProperties? annotation)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (annotation is null)
        {
            return result;
        }

        Add(result, "file", annotation.File);
        Add(result, "line", annotation.Line);
        Add(result, "endLine", annotation.EndLine);
        Add(result, "col", annotation.Column);
        Add(result, "endColumn", annotation.EndColumn);
        Add(result, "title", annotation.Title);
        return result;
    }

    private static void Add(List<KeyValuePair<string, string>> list, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            list.Add(new(key, value));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> list, string key, int? value)
    {
        if (value is { } number)
        {
            list.Add(new(key, number.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
