using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>regex</c>: must-match tests the whole value, must-not-match searches inside it. Patterns are compiled once per
/// process; a match that runs longer than a second stops the check with a finding instead of hanging the commit.
/// </summary>
internal sealed class RegexCheck(RegexRule rule, string file, int maxSamples) : ColumnCheck(file, maxSamples, rule.Columns, rule.Describe())
{
    private static readonly ConcurrentDictionary<(string, bool, bool), Regex> Compiled = new();
    private readonly Regex _regex = Compile(rule);

    public static Regex Compile(RegexRule rule) => Compiled.GetOrAdd((rule.Pattern, rule.MustMatch, rule.IgnoreCase), key =>
        new Regex(
            key.Item2 ? $"\\A(?:{key.Item1})\\z" : key.Item1,
            RegexOptions.Compiled | RegexOptions.CultureInvariant | (key.Item3 ? RegexOptions.IgnoreCase : RegexOptions.None),
            TimeSpan.FromSeconds(1)));

    protected override bool Accepts(ReadOnlySpan<char> value, TableRow row)
    {
        try
        {
            return _regex.IsMatch(value) == rule.MustMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            Stopped = true;
            Report(null, rule.Describe(), 0, [new RowSample(row.Number, row.Line == 0 ? null : row.Line, null)], $"the pattern took over a second on row {row.Number:N0}, so checking stopped; simplify the pattern");
            return true;
        }
    }
}
