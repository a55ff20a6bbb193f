using System.Text.RegularExpressions;

namespace MlopsCi.Core.Errors;

/// <summary>
/// Hides what a URI may carry besides where it points: user-info (<c>s3://AKIA…:secret@bucket</c>) and query strings or
/// fragments (pre-signed signatures, tokens). Applied to store URIs in messages and to every message an entry point prints.
/// </summary>
public static partial class UriRedaction
{
    /// <summary>Replaces the user-info and the query/fragment of every URI in <paramref name="text"/> with <c>***</c>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("://", StringComparison.Ordinal))
            return text;
        text = UserInfo().Replace(text, "$1***@");
        return Query().Replace(text, "$1$2***");
    }

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9+.-]*://)[^/\s@'""`]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9+.-]*://[^\s?#'""`]*)([?#])[^\s'""`]+", RegexOptions.CultureInvariant)]
    private static partial Regex Query();
}
