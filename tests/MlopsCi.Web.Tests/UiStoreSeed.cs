using System.Globalization;
using System.Text;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Web.Tests;

/// <summary>
/// A store with something on every page, written through Core's own stores: two data commits on main (a CSV that grows
/// by 50 rows and changes a column type; a message with markup), a tag, a branch, 2,500 files in one folder, two runs,
/// two registered versions with a champion, a monitoring history with a degradation and a promotion, a failed hook run
/// and a merged pull request with its paired-bootstrap comparison.
/// </summary>
internal static class UiStoreSeed
{
    public const string HostileMessage = "Add 2013 <script>alert('x')</script> & more";
    public const int ManyFiles = 2_500;

    /// <summary>A branch of main whose days.csv has 8 rows modified: temp_max of every 50th day from the 6th (7 cells), the weather of 2012-01-13 (fog → snow).</summary>
    public const string FixBranch = "fix/readings";

    public static async Task<(string First, string Second, RunRecord Baseline, RunRecord Candidate)> SeedAsync(string root)
    {
        var store = new LocalFolderStore(Path.Combine(root, "store"));
        var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "ui tests"), default)).Repository;
        var folder = Path.Combine(root, "work");
        Directory.CreateDirectory(Path.Combine(folder, "weather"));
        await File.WriteAllTextAsync(Path.Combine(folder, "weather", "days.csv"), Csv(300, numericWind: true));
        await File.WriteAllTextAsync(Path.Combine(folder, "readme.txt"), "Seattle weather by day.\n");
        var first = await repository.CommitFolderAsync("main", folder, "", "Seattle weather 2012", new Dictionary<string, string> { [RunTags.GitSha] = "1111111111111111111111111111111111111111" }, NoProgress.Instance, default);
        await repository.CreateTagAsync("v1", first.Commit.Id, default);
        await File.WriteAllTextAsync(Path.Combine(folder, "weather", "days.csv"), Csv(350, numericWind: false));
        var second = await repository.CommitFolderAsync("main", folder, "", HostileMessage, new Dictionary<string, string> { [RunTags.GitSha] = "2222222222222222222222222222222222222222" }, NoProgress.Instance, default);
        await repository.CreateBranchAsync("feature/more-days", "main", default);
        var many = Enumerable.Range(0, ManyFiles).Select(i => Change.Put(new Entry($"many/part-{i:D5}.csv", Hashing.Sha256Hex(BitConverter.GetBytes(i)), 10 + i)));
        await repository.CommitChangesAsync("feature/more-days", many, "2,500 small files", new Dictionary<string, string>(), default);
        await repository.CreateBranchAsync(FixBranch, "main", default);
        await File.WriteAllTextAsync(Path.Combine(folder, "weather", "days.csv"), Fixed(Csv(350, numericWind: false)));
        await repository.CommitFolderAsync(FixBranch, folder, "", "Fix readings", new Dictionary<string, string>(), NoProgress.Instance, default);
        await repository.SetProtectionAsync("main", true, default);

        var runs = new RunStore(store);
        var baseline = Run("20260101-100000-aaaaaaaa", first.Commit.Id, 0.61, 40, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
        var candidate = Run("20260102-100000-bbbbbbbb", second.Commit.Id, 0.66, 80, new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero));
        await runs.SaveAsync(baseline, default);
        await runs.SaveAsync(candidate, default);
        var registry = new ModelRegistry(store, TimeProvider.System);
        await registry.RegisterAsync(baseline, default);
        var (v2, _) = await registry.RegisterAsync(candidate, default);
        await registry.SetAliasAsync("weather", "champion", v2.Version, default);

        var history = new MonitoringHistory(store);
        (string Outcome, double Value, MonitoringKind Kind)[] entries = [("ok", 0.655, MonitoringKind.Monitor), ("ok", 0.64, MonitoringKind.Monitor), ("degraded", 0.58, MonitoringKind.Monitor), ("promoted", 0.67, MonitoringKind.Retrain)];
        for (var i = 0; i < entries.Length; i++)
        {
            var (outcome, value, kind) = entries[i];
            var metrics = new Dictionary<string, double> { [MetricNames.MicroAccuracy] = value };
            var reference = new Dictionary<string, double> { [MetricNames.MicroAccuracy] = 0.66 };
            await history.AppendAsync(new MonitoringRecord($"m{i}", "weather", kind, new DateTimeOffset(2026, 2, 1 + (7 * i), 0, 0, 0, TimeSpan.Zero), 2, "main", second.Commit.Id, "weather/days.csv",
                MetricNames.MicroAccuracy, metrics, reference, [], outcome, $"{outcome} in week {i + 1}"), default);
        }

        var finding = new HookFinding("weather/days.csv", "weather", "allowed-values", 3, [], "3 rows of weather/days.csv have a weather outside drizzle, fog, rain, snow, sun");
        await new HookRunStore(store).RecordAsync(new HookRun("h1", "main", HookEvent.PreCommit, DateTimeOffset.UtcNow, second.Commit.Id, "tree", 1,
            [new HookResult("known-weather", "allowed-values", "allowed-values", false, 1, 350, [finding], new HookSource("_mlops/hooks.yml", 7), 0.01)]), default);

        var comparison = new ComparisonSection(MetricNames.MicroAccuracy, [new MetricRow(MetricNames.MicroAccuracy, 0.61, 0.66, 0.05, 0.012, 0.088, Verdict.Better, true, false)], [], 120, 1000, 0.95, "weather:1 (champion)");
        var lineage = new ReportLineage("main", "pr-7", first.Commit.Id, second.Commit.Id, "2222222222222222222222222222222222222222", baseline.Id, candidate.Id, "weather:1", "spec", 280, "example/weather");
        var report = new PullRequestReport("weather", 7, comparison, null, null, null, [], lineage, new ReportOutcome(OutcomeKind.Merged, ModelVersion: "weather:2", Promoted: true));
        await new PullRequestRecordStore(store).SaveAsync(new PullRequestRecord(7, "weather", PullRequestRecord.Merged, lineage.GitSha, second.Commit.Id, candidate.Id, 1, report, DateTimeOffset.UtcNow), default);
        return (first.Commit.Id, second.Commit.Id, baseline, candidate);
    }

    private static string Fixed(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if ((i - 1) % 50 == 5)
                cells[1] = (double.Parse(cells[1], CultureInfo.InvariantCulture) + 1).ToString("0.0", CultureInfo.InvariantCulture);
            if (i - 1 == 12)
                cells[3] = "snow";
            lines[i] = string.Join(',', cells);
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Csv(int rows, bool numericWind)
    {
        var text = new StringBuilder("date,temp_max,wind,weather\n");
        string[] kinds = ["sun", "rain", "fog", "drizzle", "snow"];
        for (var i = 0; i < rows; i++)
        {
            // The first 300 rows never change; rows added later write the wind in words, so its type changes.
            var wind = numericWind || i < 300 ? (i % 9 * 0.7).ToString("0.0", CultureInfo.InvariantCulture) : (i % 3 == 0 ? "calm" : "breezy");
            text.Append(CultureInfo.InvariantCulture, $"{new DateOnly(2012, 1, 1).AddDays(i):yyyy-MM-dd},{10 + (i % 17) * 0.5:0.0},{wind},{kinds[i % 5]}\n");
        }

        return text.ToString();
    }

    private static RunRecord Run(string id, string dataCommit, double accuracy, int leaves, DateTimeOffset start)
    {
        var spec = new ModelSpec("weather", ModelTask.Multiclass, new ModelDataSpec("weather/days.csv", null, 0.2), "weather", ["temp_max", "wind"], [], [], ["date"], "lightgbm",
            new Dictionary<string, string> { ["numberOfLeaves"] = leaves.ToString(CultureInfo.InvariantCulture) }, 1);
        var metrics = new Dictionary<string, double> { [MetricNames.MicroAccuracy] = accuracy, [MetricNames.MacroAccuracy] = accuracy - 0.2, [MetricNames.LogLoss] = 1.1 - accuracy, ["recall:sun"] = 0.9, ["recall:rain"] = 0.7, ["recall:fog"] = 0.1 };
        return new RunRecord(id, "weather", RunStatus.Finished, null, start, start.AddSeconds(3), spec.Params, metrics,
            new Dictionary<string, string> { [RunTags.GitSha] = "2222222222222222222222222222222222222222", [RunTags.Ref] = "main" }, "main", dataCommit,
            [new RunDataset("train", "weather/days.csv", dataCommit, "digest", 1000)], "spec", spec, "modelhash",
            new ModelSchema(ModelTask.Multiclass, "weather", [new MlopsCi.Core.Training.SchemaColumn("temp_max", "numeric")], ["sun", "rain", "fog", "drizzle", "snow"]),
            [new FeatureImportance("temp_max", 0.21), new FeatureImportance("wind", 0.04)], new RunEnvironment("Linux", ".NET 10", 2, new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.1" }), 280, 70);
    }
}
