using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Config.Hooks;

/// <summary><c>regex</c> properties: exactly one of must-match / must-not-match, a pattern that compiles (.NET syntax).</summary>
internal static class RegexProperties
{
    public static RegexRule Parse(YamlSection p)
    {
        var (must, mustNot) = (p.String("must-match"), p.String("must-not-match"));
        if ((must is null) == (mustNot is null))
            throw p.Error(p.Node, $"give exactly one of '{p.Child("must-match")}' or '{p.Child("must-not-match")}' (e.g. must-not-match: '\\b(?:\\d[ -]?){{13,16}}\\b')");
        var key = must is null ? "must-not-match" : "must-match";
        var pattern = must ?? mustNot!;
        if (pattern.Length == 0)
            throw p.Error(key, $"'{p.Child(key)}' is empty");
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw p.Error(key, $"'{p.Child(key)}' is not a valid regular expression: {e.Message.TrimEnd('.')}");
        }

        return new RegexRule(HookValues.Columns(p), pattern, must is not null, HookValues.Bool(p, "ignore-case"));
    }
}
