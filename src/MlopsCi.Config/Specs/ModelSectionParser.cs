using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.Config.Specs;

/// <summary>Reads the <c>model:</c> section, recording the line of every key.</summary>
internal static partial class ModelSectionParser
{
    private static readonly string[] ModelKeys = ["name", "task", "data", "label", "features", "categorical", "text", "ignore", "trainer", "params", "seed", "time-column", "key", "slices"];
    private static readonly string[] DataKeys = ["train", "test", "split", "csv"];
    /// <summary>Whether <paramref name="key"/> is a key of the <c>model:</c> section.</summary>
    public static bool IsModelKey(string key) => ModelKeys.Contains(key, StringComparer.Ordinal);

    private static readonly string[] CsvKeys = ["separator", "header", "columns", "encoding", "decimal", "missing"];

    /// <summary>The model, or null without a <c>model:</c> section; each key is read on its own, so every problem is recorded.</summary>
    public static ModelSpec? Parse(YamlSection top)
    {
        if (top.Section("model", ModelKeys) is not { } model)
            return null;
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in ModelKeys)
            lines[key] = model.LineOf(key);
        var name = model.Try(() => Name(model), "model");
        var task = model.Try(() => ParseTask(model), ModelTask.Regression);
        var data = model.Try(() => ParseData(model, lines), new ModelDataSpec("", null, null));
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (model.Get("params") is { } paramsNode)
        {
            var section = new YamlSection(top.File, "model.params", paramsNode, null, model.Errors);
            foreach (var key in section.Keys)
            {
                if (section.Try(() => section.String(key) ?? throw section.Error(key, $"'model.params.{key}' needs a value"), null) is { } value)
                    parameters[key] = value;
                lines["params." + key] = section.LineOf(key);
            }
        }

        var keyColumns = model.Try(() => Unique(model, "key", "key"), []);
        var slices = model.Try(() => Unique(model, "slices", "slice"), []);
        return new ModelSpec(
            name,
            task,
            data,
            model.Try(() => model.RequiredString("label", "price"), ""),
            model.Try(() => model.List("features"), []),
            model.Try(() => model.List("categorical"), []),
            model.Try(() => model.List("text"), []),
            model.Try(() => model.List("ignore"), []),
            (model.Try(() => model.String("trainer"), null) ?? "lightgbm").ToLowerInvariant(),
            parameters,
            model.Try(() => model.Integer("seed"), null) ?? 1,
            model.Try(() => model.String("time-column"), null),
            keyColumns.Count == 0 ? null : keyColumns)
        {
            Slices = slices.Count == 0 ? null : slices,
            Location = new SpecLocation(top.File, top.LineOf("model")),
            Lines = lines,
        };
    }

    private static string Name(YamlSection model)
    {
        var name = model.RequiredString("name", "flight-delay");
        return ModelName().IsMatch(name) ? name : throw model.Error("name", $"model name '{name}' may use only letters, digits, '.', '_' and '-' (and must start with a letter or digit)");
    }

    private static ModelDataSpec ParseData(YamlSection model, Dictionary<string, int> lines)
    {
        var data = model.Section("data", DataKeys) ?? throw model.Error(model.Node, "'model.data' is required (e.g. data: { train: path/train.csv, split: 0.2 })");
        foreach (var key in DataKeys)
            lines["data." + key] = data.LineOf(key);
        var split = data.Try(() => Split(data), null);
        return new ModelDataSpec(data.Try(() => data.RequiredString("train", "data/train.csv"), ""), data.Try(() => data.String("test"), null), split)
        {
            Csv = data.Try(() => ParseCsv(data, lines), null),
        };
    }

    private static double? Split(YamlSection data)
    {
        var split = data.Number("split");
        if (split is not null && (split <= 0 || split >= 1))
            throw data.Error("split", $"'model.data.split' is the fraction of rows held out for testing, between 0 and 1 (e.g. 0.2), not {split}");
        if (split is not null && data.Has("test"))
            throw data.Error("split", "'model.data' has both 'test' and 'split'; keep one");
        return split;
    }

    /// <summary>A list of column names that must not repeat (<c>model.key</c>, <c>model.slices</c>).</summary>
    private static IReadOnlyList<string> Unique(YamlSection model, string key, string what)
    {
        var columns = model.List(key);
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
            throw model.Error(key, $"'model.{key}' names a column twice ({string.Join(", ", columns.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))}); list each {what} column once");
        return columns;
    }

    /// <summary>The dialect of the model's data files from <c>model.data</c> alone (other keys are not looked at).</summary>
    public static CsvDialects ReadDialects(YamlSection top)
    {
        if (top.Section("model", null!) is not { } model || model.Section("data", null!) is not { } data || data.String("train") is not { } train)
            return CsvDialects.None;
        var dialect = ParseCsv(data, []);
        return CsvDialects.ForPaths(dialect, data.String("test") is { } test ? [train, test] : [train]);
    }

    /// <summary><c>model.data.csv: { separator: ";", header: false, columns: [age, sex], encoding: latin1, decimal: ",", missing: ["", "NA"] }</c>.</summary>
    private static CsvDialect? ParseCsv(YamlSection data, Dictionary<string, int> lines)
    {
        if (data.Section("csv", CsvKeys) is not { } csv)
            return null;
        lines["data.csv"] = data.LineOf("csv");
        // The reader (Sep) takes a tab or a printable ASCII character other than '"' and '#'.
        var separator = csv.Try<char?>(
            () => csv.String("separator") switch
            {
                null => null,
                "\\t" or "tab" or "\t" => '\t',
                { Length: 1 } one when one[0] is >= ' ' and <= '~' and not ('"' or '#') => one[0],
                { Length: 1 } one when one[0] is not ('\n' or '\r') => throw csv.Error("separator", $"'model.data.csv.separator' cannot be '{one}': use a tab or a printable ASCII character other than '\"' and '#'"),
                var other => throw csv.Error("separator", $"'model.data.csv.separator' is one character such as ',', ';', '|' or \"\\t\" (tab), not '{other}'"),
            },
            null);
        var header = csv.Try(
            () => csv.String("header") switch
            {
                null => true,
                var text when bool.TryParse(text, out var value) => value,
                var other => throw csv.Error("header", $"'model.data.csv.header' is true or false, not '{other}'"),
            },
            !csv.Has("columns"));
        var columns = csv.List("columns");
        if (!header && columns.Count == 0)
            throw csv.Error("header", "a file without a header needs its column names: add 'columns: [name, …]' to model.data.csv, in file order");
        if (header && columns.Count > 0)
            throw csv.Error("columns", "'model.data.csv.columns' names the columns of a file without a header; with 'header: true' (the default) the names come from the file. Set 'header: false' or remove 'columns'");
        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw csv.Error("columns", $"'model.data.csv.columns' names '{twice.Key}' twice; column names must be unique");
        var encoding = csv.Try<string?>(
            () => csv.String("encoding") is { } name
                ? TextEncodings.Find(name) is not null ? name : throw csv.Error("encoding", $"'model.data.csv.encoding' names no encoding this program knows: '{name}'. Use one such as {TextEncodings.Examples}")
                : null,
            null);
        var decimalMark = csv.Try(
            () => csv.String("decimal") switch
            {
                null or "." => '.',
                "," when separator == ',' => throw csv.Error("decimal", "'model.data.csv.decimal' is ',', so the separator cannot be ',' as well: set separator to ';' (the usual one with a decimal comma), tab or '|'"),
                "," => ',',
                var other => throw csv.Error("decimal", $"'model.data.csv.decimal' is '.' or ',', not '{other}'"),
            },
            '.');
        var missing = csv.Try<IReadOnlyList<string>?>(
            () =>
            {
                if (!csv.Has("missing"))
                    return null;
                var markers = csv.List("missing");
                return markers.GroupBy(m => m.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated
                    ? throw csv.Error("missing", $"'model.data.csv.missing' names '{repeated.Key}' twice")
                    : markers;
            },
            null);
        return new CsvDialect(separator, header, columns, encoding, decimalMark) { Missing = missing };
    }

    private static ModelTask ParseTask(YamlSection model)
    {
        var text = model.RequiredString("task", "regression");
        return text.ToLowerInvariant() switch
        {
            "binary" => ModelTask.Binary,
            "multiclass" => ModelTask.Multiclass,
            "regression" => ModelTask.Regression,
            _ => throw model.Error("task", $"unknown task '{text}'; use binary, multiclass or regression"),
        };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ModelName();
}
