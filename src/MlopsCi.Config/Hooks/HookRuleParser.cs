using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.Config.Hooks;

/// <summary>The properties of each hook type, and how they become a <see cref="HookRule"/>.</summary>
internal static class HookRuleParser
{
    private static readonly Dictionary<string, string[]> Properties = new(StringComparer.Ordinal)
    {
        ["schema"] = ["files", "columns", "allow-extra-columns"],
        ["not-null"] = ["files", "column", "columns", "mostly"],
        ["range"] = ["files", "column", "columns", "min", "max", "mostly"],
        ["allowed-values"] = ["files", "column", "columns", "values", "ignore-case", "mostly"],
        ["unique"] = ["files", "column", "columns", "scope", "mostly"],
        ["row-count"] = ["files", "min", "max", "change"],
        ["null-fraction"] = ["files", "column", "columns", "max"],
        ["regex"] = ["files", "column", "columns", "must-match", "must-not-match", "ignore-case", "mostly"],
        ["file-format"] = ["files", "formats"],
        ["file-size"] = ["files", "max"],
        ["command"] = ["files", "run", "timeout"],
        ["compare"] = ["files", "expression", "mostly"],
        ["freshness"] = ["files", "column", "max-age"],
        ["mean"] = ["files", "column", "columns", "min", "max", "change"],
        ["quantile"] = ["files", "column", "columns", "quantile", "min", "max", "change"],
        ["new-categories"] = ["files", "column", "columns", "mostly"],
        ["duplicate-rows"] = ["files", "scope", "mostly"],
        ["referential"] = ["files", "column", "refs", "mostly"],
        ["drift"] = ["files", "column", "columns", "psi", "p-value"],
        ["leakage"] = ["train", "eval", "key"],
    };

    /// <summary>The property names of <paramref name="type"/>; an unknown type is an error at its line.</summary>
    public static string[] KnownKeys(string type, YamlSection hook) =>
        Properties.TryGetValue(type, out var keys)
            ? keys
            : throw hook.Error("type", $"unknown hook type '{type}'{Hint(type, Properties.Keys)}; types: {string.Join(", ", Properties.Keys)}");

    public static HookRule Parse(string type, YamlSection p) => type switch
    {
        "schema" => new SchemaRule(SchemaColumns.Parse(p), HookValues.Bool(p, "allow-extra-columns")),
        "not-null" => new NotNullRule(HookValues.Columns(p)),
        "range" => Range(p),
        "allowed-values" => new AllowedValuesRule(HookValues.Columns(p), Required(HookValues.Strings(p, "values"), p, "values", "[cash, card]"), HookValues.Bool(p, "ignore-case")),
        "unique" => new UniqueRule(HookValues.Columns(p), AcrossFiles(p, "file")),
        "row-count" => RowCount(p),
        "null-fraction" => NullFraction(p),
        "regex" => RegexProperties.Parse(p),
        "file-format" => new FileFormatRule([.. Required(HookValues.Strings(p, "formats"), p, "formats", "[csv, parquet]").Select(f => TableFormats.Of("file." + f.TrimStart('.')))]),
        "file-size" => new FileSizeRule(HookValues.Size(p, "max")),
        "compare" => NewRuleParser.Compare(p),
        "freshness" => new FreshnessRule(NewRuleParser.Column(p), HookValues.Period(p, "max-age")),
        "mean" => NewRuleParser.Statistic(p, null),
        "quantile" => NewRuleParser.Statistic(p, NewRuleParser.Quantile(p)),
        "new-categories" => new NewCategoriesRule(HookValues.Columns(p)),
        "duplicate-rows" => new DuplicateRowsRule(AcrossFiles(p, "table")),
        "referential" => NewRuleParser.Referential(p),
        "drift" => NewRuleParser.Drift(p),
        "leakage" => NewRuleParser.Leakage(p),
        _ => new CommandRule(p.RequiredString("run", "python checks/validate.py"), HookValues.Duration(p, "timeout") ?? TimeSpan.FromSeconds(60)),
    };

    private static RangeRule Range(YamlSection p)
    {
        var (min, max) = (p.Number("min"), p.Number("max"));
        if (min is null && max is null)
            throw p.Error(p.Node, $"'{p.Child("min")}' or '{p.Child("max")}' is required (e.g. min: 0, max: 1000)");
        return min > max ? throw p.Error("min", $"min ({min}) is greater than max ({max})") : new RangeRule(HookValues.Columns(p), min, max);
    }

    private static RowCountRule RowCount(YamlSection p)
    {
        long? min = p.Number("min") is { } a ? Whole(p, "min", a) : null;
        long? max = p.Number("max") is { } b ? Whole(p, "max", b) : null;
        var change = HookValues.Change(p);
        if (min is null && max is null && change is null)
            throw p.Error(p.Node, $"'{p.Child("min")}', '{p.Child("max")}' or '{p.Child("change")}' is required (e.g. min: 1 or change: ±20%)");
        return min > max ? throw p.Error("min", $"min ({min}) is greater than max ({max})") : new RowCountRule(min, max, change);
    }

    /// <summary><c>scope: file | table</c>: whether the rule spans every changed file the hook selects.</summary>
    private static bool AcrossFiles(YamlSection p, string fallback)
    {
        var across = (p.String("scope") ?? fallback) switch
        {
            "file" => false,
            "table" => true,
            var other => throw p.Error("scope", $"'{p.Child("scope")}' must be file or table, not '{other}'"),
        };
        // A share of rows is a share of one file's rows; across files a repeat has no single file to count against.
        if (across && p.String("mostly") is not null)
            throw p.Error("mostly", $"'{p.Child("mostly")}' counts the rows of one file: set scope: file, or drop mostly");
        return across;
    }

    private static NullFractionRule NullFraction(YamlSection p)
    {
        var text = p.String("max") ?? throw p.Error(p.Node, $"'{p.Child("max")}' is required (e.g. max: 0.05 or max: 5%)");
        var percent = text.TrimEnd().EndsWith('%');
        var number = double.TryParse(text.TrimEnd().TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value / (percent ? 100 : 1) : double.NaN;
        return number is >= 0 and <= 1
            ? new NullFractionRule(HookValues.Columns(p), number)
            : throw p.Error("max", $"'{p.Child("max")}' must be a fraction from 0 to 1 or a percentage (5%), not '{text}'");
    }

    private static long Whole(YamlSection p, string key, double value) =>
        value >= 0 && value == Math.Floor(value) ? (long)value : throw p.Error(key, $"'{p.Child(key)}' must be a whole number ≥ 0, not {value}");

    private static IReadOnlyList<string> Required(IReadOnlyList<string> values, YamlSection p, string key, string example) =>
        values.Count > 0 ? values : throw p.Error(p.Has(key) ? p.Get(key)! : p.Node, $"'{p.Child(key)}' is required and may not be empty (e.g. {key}: {example})");

    internal static string Hint(string value, IEnumerable<string> known) =>
        Suggest.Closest(value, known) is { } close ? $" (did you mean '{close}'?)" : "";
}
