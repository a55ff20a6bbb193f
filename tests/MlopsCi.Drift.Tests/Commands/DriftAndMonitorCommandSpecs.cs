using System.Globalization;
using System.Text;
using System.Text.Json;
using MlopsCi.Cli.Tests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;

namespace MlopsCi.Drift.Tests.Commands;

/// <summary>
/// The commands as a user runs them (the real mlops program, a local store): a regression whose relation flips sign in
/// the newer period, so drift, degradation and retraining all show, in seconds.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class DriftAndMonitorCommandSpecs : IDisposable
{
    private const string Spec = """
        store: file://store
        model:
          name: flip
          task: regression
          data: { train: data/flip.csv, split: 0.25 }
          label: y
          time-column: t
          trainer: lightgbm
          seed: 1
        gates:
          - { metric: rmse, max-regression: 5% }
        drift: { top: 3 }
        """;

    private readonly TempFolder _temp = new();

    public DriftAndMonitorCommandSpecs() => _temp.Write("mlops.yml", Spec);

    [Fact]
    public async Task Drift_prints_a_table_json_and_fails_on_request()
    {
        await CommitPeriodsAsync(newer: false);
        await CommitPeriodsAsync(newer: true);

        var table = await RunAsync("drift", "older", "main");
        var json = await RunAsync("drift", "older", "main", "--json");
        var failing = await RunAsync("drift", "older", "main", "--fail-on-drift");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Matches(@"(?m)^y\s+numeric\s+[\d.]+\s+KS\s+.*YES", table.Out);
        Assert.Contains("not compared: time column", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.True(document.RootElement.GetProperty("hasDrift").GetBoolean());
        Assert.Equal(3, document.RootElement.GetProperty("thresholds").GetProperty("top").GetInt32());
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("error: Drift between 'older' and 'main': y", failing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_exits_1_on_degradation_retrain_promotes_and_history_charts_it()
    {
        await CommitPeriodsAsync(newer: false);
        var first = await RunAsync("retrain");
        await CommitPeriodsAsync(newer: true);
        var summary = Path.Combine(_temp.Path, "summary.md");
        var environment = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary };

        var degraded = await RunAsync(environment, "monitor", "--model", "flip@champion", "--ref", "main");
        var retrained = await RunAsync("retrain", "--json");
        var healthy = await RunAsync("monitor", "--model", "flip@champion", "--ref", "main");
        var history = await RunAsync("monitor", "history", "flip", "--md");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(degraded.ExitCode == 1, degraded.ToString());
        Assert.Contains("DEGRADED", degraded.Out, StringComparison.Ordinal);
        Assert.Contains("### ❌ Monitoring `flip`: degraded", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
        using var result = JsonDocument.Parse(retrained.Out);
        Assert.True(result.RootElement.GetProperty("promoted").GetBoolean(), retrained.ToString());
        Assert.Equal(2, result.RootElement.GetProperty("version").GetInt32());
        // The champion trained on the older period: the new evaluation rows (both periods, by row hash) hold none of them.
        Assert.Matches(@"^evaluation: \d+ rows, 0 seen in training by either model$", result.RootElement.GetProperty("evaluation").GetProperty("line").GetString());
        Assert.Equal(0, result.RootElement.GetProperty("evaluation").GetProperty("leftOut").GetInt32());
        Assert.Matches(@"(?m)^evaluation: \d+ rows, 0 seen in training by the model$", degraded.Out);
        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        Assert.Contains("xychart-beta", history.Out, StringComparison.Ordinal);
        Assert.Contains("| 🚀 promoted |", history.Out, StringComparison.Ordinal);
        Assert.Equal(4, history.Out.Split('\n').Count(l => l.StartsWith("| 20", StringComparison.Ordinal)));
        // Each promotion records the spec, as a pull-request merge does: pull requests are judged by the champion's rules.
        var specs = new PromotedSpecStore(new LocalFolderStore(Path.Combine(_temp.Path, "store")));
        foreach (var version in new[] { 1, 2 })
        {
            var recorded = await specs.TryGetAsync("flip", version, CancellationToken.None);
            Assert.NotNull(recorded);
            Assert.Equal((Spec, "mlops.yml"), (recorded.SpecText, recorded.SpecPath));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Spec))), recorded.SpecHash);
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Tags 'older' (y = 2x + noise, t 0–399); with <paramref name="newer"/> main also gets t 400–799 where y = −2x + noise.</summary>
    private async Task CommitPeriodsAsync(bool newer)
    {
        var random = new Random(7);
        var text = new StringBuilder("t,x,z,y\n");
        for (var t = 0; t < (newer ? 800 : 400); t++)
        {
            var (x, z) = (random.NextDouble() * 10, random.NextDouble());
            var y = (t < 400 ? 2 : -2) * x + (random.NextDouble() - 0.5);
            text.Append(CultureInfo.InvariantCulture, $"{t},{x:0.####},{z:0.####},{y:0.####}\n");
        }

        Directory.CreateDirectory(Path.Combine(_temp.Path, "work"));
        await File.WriteAllTextAsync(Path.Combine(_temp.Path, "work", "flip.csv"), text.ToString());
        if (!Directory.Exists(Path.Combine(_temp.Path, "store")))
            await RunAsync("data", "init");
        var commit = await RunAsync("data", "commit", "main", "work", "--prefix", "data", "-m", newer ? "newer period" : "older period");
        Assert.True(commit.ExitCode == 0, commit.ToString());
        if (!newer)
            await RunAsync("data", "tag", "create", "older", "main");
    }

    private Task<MlopsProcess.Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    private Task<MlopsProcess.Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, args, environment));
}
