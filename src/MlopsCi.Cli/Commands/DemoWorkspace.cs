namespace MlopsCi.Cli.Commands;

/// <summary>
/// The demo's files under <c>&lt;out&gt;</c>: the store, the "main" seed (older period), a checkout with mlops.yml and
/// the pull request's data (older + newer period), the hooks configuration, and the report.
/// </summary>
internal sealed class DemoWorkspace(string root)
{
    /// <summary>The first day of the newer period the pull request adds.</summary>
    public const string NewerFrom = "2014-01-01";

    public const string Spec = """
        # Predict Seattle's weather (drizzle, fog, rain, snow, sun) from the day's measurements.
        data:
          path: data            # the pull request's data folder in the checkout …
          prefix: weather       # … committed under weather/ in the data repository
        model:
          name: seattle-weather
          task: multiclass
          data:
            train: weather/seattle-weather.csv
            split: 0.2          # the newest 20% of days are held out (time-ordered by date)
          label: weather
          time-column: date
          trainer: lightgbm
          seed: 1
        gates:
          - { metric: micro-accuracy, max-regression: 2% }
          - { metric: macro-accuracy, min: 0.3 }
        """;

    public const string Hooks = """
        name: weather data quality
        on:
          pre-commit: { branches: ["*"] }
          pre-merge: { branches: [main] }
        hooks:
          - id: known-weather
            type: allowed-values
            properties: { files: "*.csv", column: weather, values: [drizzle, fog, rain, snow, sun] }
          - id: plausible-temperatures
            type: range
            properties: { files: "*.csv", columns: [temp_max, temp_min], min: -30, max: 50 }
          - id: measurements-present
            type: not-null
            properties: { files: "*.csv", columns: [precipitation, temp_max, temp_min, wind] }
        """;

    public string Root { get; } = Path.GetFullPath(root);

    public string Store => Path.Combine(Root, "store");

    public string Checkout => Path.Combine(Root, "checkout");

    public string MainSeed => Path.Combine(Root, "seed", "main");

    public string HooksSeed => Path.Combine(Root, "seed", "hooks");

    public string Report => Path.Combine(Root, "report.md");

    /// <summary>Deletes what an earlier demo left (only the demo's own files) and writes the inputs.</summary>
    public async Task<(int Older, int Newer)> PrepareAsync(string dataFile, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { Store, Checkout, Path.Combine(Root, "seed") })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Root);
        File.Delete(Report);
        var lines = await File.ReadAllLinesAsync(dataFile, cancellationToken);
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToList();
        var older = rows.Where(r => string.CompareOrdinal(r, NewerFrom) < 0).ToList();
        var newer = rows.Where(r => string.CompareOrdinal(r, NewerFrom) >= 0).ToList();
        await WriteAsync(Path.Combine(MainSeed, "seattle-weather.csv"), [lines[0], .. older], cancellationToken);
        await WriteAsync(Path.Combine(Checkout, "data", "seattle-weather.csv"), [lines[0], .. older, .. newer], cancellationToken);
        await WriteAsync(Path.Combine(Checkout, "mlops.yml"), [Spec], cancellationToken);
        await WriteAsync(Path.Combine(HooksSeed, "hooks.yml"), [Hooks], cancellationToken);
        return (older.Count, newer.Count);
    }

    private static async Task WriteAsync(string path, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", cancellationToken);
    }
}
