using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Config.Hooks;

/// <summary>The properties of the comparison rules: compare, freshness, mean/quantile, referential, drift and leakage.</summary>
internal static partial class NewRuleParser
{
    public static string Column(YamlSection p) =>
        p.String("column") is { Length: > 0 } column ? column : throw p.Error(p.Node, $"'{p.Child("column")}' is required (e.g. column: date)");

    /// <summary><c>expression: "a &lt;= b"</c> with one of &lt;, &lt;=, &gt;, &gt;=, ==, != between two column names.</summary>
    public static CompareRule Compare(YamlSection p)
    {
        var text = p.String("expression") ?? throw p.Error(p.Node, $"'{p.Child("expression")}' is required (e.g. expression: \"temp_min <= temp_max\")");
        var match = ExpressionPattern().Match(text);
        return match.Success
            ? new CompareRule(match.Groups[1].Value.Trim(), match.Groups[2].Value, match.Groups[3].Value.Trim())
            : throw p.Error("expression", $"'{p.Child("expression")}' must compare two columns with one of {string.Join(" ", CompareRule.Operators)} (e.g. \"pickup < dropoff\"), not '{text}'");
    }

    public static double Quantile(YamlSection p) =>
        p.Number("quantile") is { } q
            ? q is >= 0 and <= 1 ? q : throw p.Error("quantile", $"'{p.Child("quantile")}' must be from 0 to 1 (0.5 is the median), not {q}")
            : throw p.Error(p.Node, $"'{p.Child("quantile")}' is required (e.g. quantile: 0.95)");

    public static StatisticRule Statistic(YamlSection p, double? quantile)
    {
        var (min, max, change) = (p.Number("min"), p.Number("max"), HookValues.Change(p));
        if (min is null && max is null && change is null)
            throw p.Error(p.Node, $"'{p.Child("min")}', '{p.Child("max")}' or '{p.Child("change")}' is required (e.g. min: 0, max: 30 or change: ±10%)");
        return min > max ? throw p.Error("min", $"min ({min}) is greater than max ({max})") : new StatisticRule(HookValues.Columns(p), quantile, min, max, change);
    }

    /// <summary><c>refs: path/to/table.csv:column</c>: the referenced table in the data repository and its column.</summary>
    public static ReferentialRule Referential(YamlSection p)
    {
        var text = p.String("refs") ?? throw p.Error(p.Node, $"'{p.Child("refs")}' is required (e.g. refs: dim/stations.csv:id)");
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || text.StartsWith('/') || text.StartsWith("_mlops/", StringComparison.Ordinal))
            throw p.Error("refs", $"'{p.Child("refs")}' must be a data path and a column joined by ':' (e.g. dim/stations.csv:id), not '{text}'");
        return new ReferentialRule(Column(p), text[..colon], text[(colon + 1)..]);
    }

    public static DriftRule Drift(YamlSection p)
    {
        var psi = p.Number("psi") ?? 0.2;
        var pValue = p.Number("p-value") ?? 0.05;
        if (psi <= 0)
            throw p.Error("psi", $"'{p.Child("psi")}' must be above 0 (0.1 is a small shift, 0.2 a large one), not {psi}");
        return pValue is >= 0 and <= 1 ? new DriftRule(HookValues.Columns(p), psi, pValue) : throw p.Error("p-value", $"'{p.Child("p-value")}' must be from 0 to 1, not {pValue}");
    }

    public static LeakageRule Leakage(YamlSection p)
    {
        var train = HookValues.Strings(p, "train");
        var eval = HookValues.Strings(p, "eval");
        if (train.Count == 0 || eval.Count == 0)
            throw p.Error(p.Node, $"'{p.Child("train")}' and '{p.Child("eval")}' are required: globs of the training and evaluation files (e.g. train: train/*.csv, eval: eval/*.csv)");
        return new LeakageRule(train, eval, HookValues.Strings(p, "key"));
    }

    [GeneratedRegex(@"^\s*([^<>=!]+?)\s*(<=|>=|==|!=|<|>)\s*([^<>=!]+?)\s*$")]
    private static partial Regex ExpressionPattern();
}
