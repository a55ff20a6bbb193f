using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>
/// Glob patterns. For paths, a pattern without '/' matches the file name in any folder (<c>*.csv</c>); with '/', the
/// whole path, where <c>*</c> and <c>?</c> stay within a folder and <c>**</c> spans folders. For branches, <c>*</c>
/// matches any text including '/', so <c>*</c> is every branch. Both know <c>[abc]</c>, <c>[!abc]</c> and <c>{a,b}</c>.
/// </summary>
internal sealed class Glob
{
    private static readonly ConcurrentDictionary<(string, bool), Glob> Cache = new();
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    private Glob(string pattern, bool path)
    {
        _nameOnly = path && !pattern.Contains('/', StringComparison.Ordinal);
        _regex = new Regex("^" + Translate(pattern, path) + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public static Glob Path(string pattern) => Cache.GetOrAdd((pattern, true), key => new Glob(key.Item1, true));

    public static Glob Branch(string pattern) => Cache.GetOrAdd((pattern, false), key => new Glob(key.Item1, false));

    public bool IsMatch(string value) => _regex.IsMatch(_nameOnly ? value.AsSpan(value.LastIndexOf('/') + 1) : value);

    private static string Translate(string pattern, bool path)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                        regex.Append(".*");
                    break;
                case '*':
                    regex.Append(path ? "[^/]*" : ".*");
                    break;
                case '?':
                    regex.Append(path ? "[^/]" : ".");
                    break;
                case '[' when i + 2 < pattern.Length && pattern.IndexOf(']', i + 2) is var close && close > i:
                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Escape(set[1..]) : Escape(set)).Append(']');
                    i = close;
                    break;
                case '{' when pattern.IndexOf('}', i + 1) is var end && end > i:
                    var alternatives = pattern[(i + 1)..end].Split(',').Select(a => Translate(a, path));
                    regex.Append("(?:").AppendJoin('|', alternatives).Append(')');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }

    private static string Escape(string set) => set.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
