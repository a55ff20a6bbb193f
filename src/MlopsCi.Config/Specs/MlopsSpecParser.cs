using MlopsCi.Config.Yaml;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Specs;

namespace MlopsCi.Config.Specs;

/// <summary>
/// Reads <c>mlops.yml</c> into <see cref="MlopsSpec"/>. Unknown keys, wrong types and invalid values are reported all
/// at once (<see cref="InvalidInputException.SpecErrors"/>), each naming the file and line ("mlops.yml line 7: unknown key 'lable'
/// under 'model' (did you mean 'label'?)"); invalid YAML names the line and column (and stops there).
/// </summary>
public static class MlopsSpecParser
{
    private static readonly string[] TopKeys = ["store", "data", "model", "gates", "drift", "monitor"];
    private static readonly string[] DataKeys = ["path", "prefix", "prepare", "keys"];
    private static readonly string[] DriftKeys = ["psi-threshold", "ks-pvalue", "chi2-pvalue", "top"];
    private static readonly string[] MonitorKeys = ["max-degradation"];

    /// <summary>Reads and parses a spec file; a missing file is bad input.</summary>
    public static async Task<MlopsSpec> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InvalidInputException($"There is no spec file '{path}'. Create mlops.yml (see the README) or pass --spec <file>.");
        return Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
    }

    /// <summary>
    /// The <c>store:</c> of spec text, or null. Reads only that key (with the same YAML loader and messages), so a
    /// data command still runs while another section of the spec is being edited.
    /// </summary>
    public static string? ReadStore(string yaml, string file = "mlops.yml") =>
        YamlValues.Load(yaml, file) is { } root ? new YamlSection(file, "", root, TopKeys).String("store") : null;

    /// <summary>
    /// The CSV dialect of the model's data files (<c>model.data.csv</c> for <c>model.data.train</c> and <c>test</c>), reading
    /// only those keys, so data commands whose hooks read the files still run while another part of the spec is edited.
    /// </summary>
    public static CsvDialects ReadCsvDialects(string yaml, string file = "mlops.yml") =>
        YamlValues.Load(yaml, file) is { } root ? ModelSectionParser.ReadDialects(new YamlSection(file, "", root, null)) : CsvDialects.None;

    /// <summary>Where a top-level key that is not one belongs, when it is a known mistake (null: say the known keys).</summary>
    private static string? Misplaced(string key) => key switch
    {
        "hooks" => "data-quality hooks are rules kept in the data repository, not in mlops.yml; commit them as _mlops/hooks.yml (see docs/hooks.md)",
        _ when ModelSectionParser.IsModelKey(key) => $"'{key}' belongs under 'model:' (indent it below 'model:')",
        _ => null,
    };

    /// <summary>Parses spec text; <paramref name="file"/> names it in messages.</summary>
    public static MlopsSpec Parse(string yaml, string file = "mlops.yml")
    {
        var root = YamlValues.Load(yaml, file)
            ?? throw new InvalidInputException($"{file} is empty. It needs at least a 'model:' section (see the README).");
        var errors = new SpecErrors();
        var top = errors.Try(() => new YamlSection(file, "", root, TopKeys, errors, Misplaced), null);
        errors.ThrowIfAny();
        var model = errors.Try(() => ModelSectionParser.Parse(top!), null);
        var spec = new MlopsSpec(
            errors.Try(() => top!.String("store"), null),
            errors.Try(() => ParseData(top!), null),
            model,
            errors.Try(() => GateParser.Parse(top!, model?.Task), []),
            errors.Try(() => ParseDrift(top!), DriftSpec.Default),
            errors.Try(() => ParseMonitor(top!), MonitorSpec.Default))
        {
            Location = new SpecLocation(file, 0),
        };
        errors.ThrowIfAny();
        return spec;
    }

    private static DataSpec? ParseData(YamlSection top)
    {
        if (top.Section("data", DataKeys) is not { } data)
            return null;
        var path = data.Try(() => data.RequiredString("path", "data/"), "data/");
        return new DataSpec(path, data.Try(() => data.String("prefix"), null) ?? "", data.Try(() => data.String("prepare"), null))
        {
            Location = new SpecLocation(top.File, top.LineOf("data")),
            Keys = data.Try(() => ParseKeys(data), TableKeys.None),
        };
    }

    private static TableKeys ParseKeys(YamlSection data)
    {
        if (data.Section("keys", null!) is not { } keys)
            return TableKeys.None;
        var patterns = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var glob in keys.Keys)
        {
            var columns = keys.Get(glob) is YamlDotNet.RepresentationModel.YamlScalarNode ? [keys.String(glob)!] : keys.List(glob);
            if (columns.Count == 0 || columns.Any(c => c.Trim().Length == 0))
                throw keys.Error(glob, $"'data.keys.{glob}' needs at least one column name (e.g. [date])");
            patterns.Add(new(glob, columns));
        }

        return new TableKeys(patterns);
    }

    private static DriftSpec ParseDrift(YamlSection top)
    {
        if (top.Section("drift", DriftKeys) is not { } drift)
            return DriftSpec.Default;
        return new DriftSpec(
            drift.Try(() => Probability(drift, "psi-threshold", double.MaxValue), null) ?? DriftSpec.Default.PsiThreshold,
            drift.Try(() => Probability(drift, "ks-pvalue", 1), null) ?? DriftSpec.Default.KsPValue,
            drift.Try(() => Probability(drift, "chi2-pvalue", 1), null) ?? DriftSpec.Default.Chi2PValue,
            drift.Try(() => drift.Integer("top") is { } top && top < 1 ? throw drift.Error("top", "'drift.top' must be at least 1") : drift.Integer("top"), null) ?? DriftSpec.Default.Top);
    }

    private static double? Probability(YamlSection section, string key, double max)
    {
        var value = section.Number(key);
        return value is null || (value > 0 && value <= max) ? value : throw section.Error(key, $"'{section.Child(key)}' must be greater than 0{(max <= 1 ? " and at most 1" : "")}, not {value}");
    }

    private static MonitorSpec ParseMonitor(YamlSection top)
    {
        if (top.Section("monitor", MonitorKeys) is not { } monitor || monitor.String("max-degradation") is not { } text)
            return MonitorSpec.Default;
        return new MonitorSpec(Limit.TryParse(text) ?? throw monitor.Error("max-degradation", $"'monitor.max-degradation' must be a percentage like 10% or a number, not '{text}'"));
    }
}
