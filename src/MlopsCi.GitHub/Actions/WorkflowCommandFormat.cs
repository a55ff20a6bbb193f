using System.Text;

namespace MlopsCi.GitHub.Actions;

/// <summary>
/// Formats workflow commands (<c>::name key=value,…::message</c>) with the runner's escaping. The one copy: the build
/// runner (build/_build.csproj), which references no product project, compiles this file as a link.
/// </summary>
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
}
