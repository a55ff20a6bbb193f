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
    private static readonly string[] CsvKeys = ["separator", "header", "columns"];

    public static ModelSpec? Parse(YamlSection top)
    {
        if (top.Section("model", ModelKeys) is not { } model)
            return null;
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in ModelKeys)
            lines[key] = model.LineOf(key);
        var name = model.RequiredString("name", "flight-delay");
        if (!ModelName().IsMatch(name))
            throw model.Error("name", $"model name '{name}' may use only letters, digits, '.', '_' and '-' (and must start with a letter or digit)");
        var task = ParseTask(model);
        var data = model.Section("data", DataKeys) ?? throw model.Error(model.Node, "'model.data' is required (e.g. data: { train: path/train.csv, split: 0.2 })");
        foreach (var key in DataKeys)
            lines["data." + key] = data.LineOf(key);
        var split = data.Number("split");
        if (split is not null && (split <= 0 || split >= 1))
            throw data.Error("split", $"'model.data.split' is the fraction of rows held out for testing, between 0 and 1 (e.g. 0.2), not {split}");
        if (split is not null && data.Has("test"))
            throw data.Error("split", "'model.data' has both 'test' and 'split'; keep one");
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (model.Get("params") is { } paramsNode)
        {
            var section = new YamlSection(top.File, "model.params", paramsNode, null);
            foreach (var key in section.Keys)
            {
                parameters[key] = section.String(key) ?? throw section.Error(key, $"'model.params.{key}' needs a value");
                lines["params." + key] = section.LineOf(key);
            }
        }

        var seed = model.Integer("seed") ?? 1;
        var keyColumns = model.List("key");
        if (keyColumns.Distinct(StringComparer.Ordinal).Count() != keyColumns.Count)
            throw model.Error("key", $"'model.key' names a column twice ({string.Join(", ", keyColumns.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))}); list each key column once");
        var slices = model.List("slices");
        if (slices.Distinct(StringComparer.Ordinal).Count() != slices.Count)
            throw model.Error("slices", $"'model.slices' names a column twice ({string.Join(", ", slices.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))}); list each slice column once");
        return new ModelSpec(
            name,
            task,
            new ModelDataSpec(data.RequiredString("train", "data/train.csv"), data.String("test"), split) { Csv = ParseCsv(data, lines) },
            model.RequiredString("label", "price"),
            model.List("features"),
            model.List("categorical"),
            model.List("text"),
            model.List("ignore"),
            (model.String("trainer") ?? "lightgbm").ToLowerInvariant(),
            parameters,
            seed,
            model.String("time-column"),
            keyColumns.Count == 0 ? null : keyColumns)
        {
            Slices = slices.Count == 0 ? null : slices,
            Location = new SpecLocation(top.File, top.LineOf("model")),
            Lines = lines,
        };
    }

    /// <summary>The dialect of the model's data files from <c>model.data</c> alone (other keys are not looked at).</summary>
    public static CsvDialects ReadDialects(YamlSection top)
    {
        if (top.Section("model", null!) is not { } model || model.Section("data", null!) is not { } data || data.String("train") is not { } train)
            return CsvDialects.None;
        var dialect = ParseCsv(new YamlSection(top.File, "model.data", data.Node, DataKeys), []);
        return CsvDialects.ForPaths(dialect, data.String("test") is { } test ? [train, test] : [train]);
    }

    /// <summary><c>model.data.csv: { separator: ";", header: false, columns: [age, sex] }</c>.</summary>
    private static CsvDialect? ParseCsv(YamlSection data, Dictionary<string, int> lines)
    {
        if (data.Section("csv", CsvKeys) is not { } csv)
            return null;
        lines["data.csv"] = data.LineOf("csv");
        char? separator = csv.String("separator") switch
        {
            null => null,
            "\\t" or "tab" or "\t" => '\t',
            { Length: 1 } one when one[0] is not ('"' or '\n' or '\r') => one[0],
            var other => throw csv.Error("separator", $"'model.data.csv.separator' is one character such as ',', ';', '|' or \"\\t\" (tab), not '{other}'"),
        };
        var header = csv.String("header") switch
        {
            null => true,
            var text when bool.TryParse(text, out var value) => value,
            var other => throw csv.Error("header", $"'model.data.csv.header' is true or false, not '{other}'"),
        };
        var columns = csv.List("columns");
        if (!header && columns.Count == 0)
            throw csv.Error("header", "a file without a header needs its column names: add 'columns: [name, …]' to model.data.csv, in file order");
        if (header && columns.Count > 0)
            throw csv.Error("columns", "'model.data.csv.columns' names the columns of a file without a header; with 'header: true' (the default) the names come from the file. Set 'header: false' or remove 'columns'");
        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw csv.Error("columns", $"'model.data.csv.columns' names '{twice.Key}' twice; column names must be unique");
        return new CsvDialect(separator, header, columns);
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
