using MlopsCi.Config.Specs;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;
using MlopsCi.MLNet;

namespace MlopsCi.PullRequests.Tests;

/// <summary>The flow in-process (real store and ML.NET, a dry-run host): the paths the process tests do not reach.</summary>
[Trait("Speed", "Slow")]
public sealed class FlowSpecs : IDisposable
{
    private const string Head = "3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c";
    private readonly TempFolder _temp = new();
    private readonly RecordingOutput _output = new();

    [Fact]
    public async Task A_champion_moved_by_someone_else_during_the_review_is_not_overwritten()
    {
        var (flow, host, repository) = await StartAsync(null);
        var sync = await flow.SyncAsync(Context(), CancellationToken.None);
        var registry = new ModelRegistry(repository.Store, TimeProvider.System);
        var baselineRun = (await new Core.Training.Runs.RunStore(repository.Store).ListAsync("churn", CancellationToken.None)).Single(r => r.Tag("role") == "baseline");
        var (meanwhile, _) = await registry.RegisterAsync(baselineRun, CancellationToken.None);
        await registry.SetAliasAsync("churn", "champion", meanwhile.Version, CancellationToken.None);
        host.Reviews = [new PullRequestReview(1, "hubot", ReviewStates.Approved, Head, DateTimeOffset.UtcNow)];

        var merge = await flow.MergeAsync(Context(), CancellationToken.None);

        Assert.Equal((0, 0), (sync.ExitCode, merge.ExitCode));
        Assert.Equal(meanwhile.Version, (await registry.GetAliasAsync("churn", "champion", CancellationToken.None))!.Version);
        Assert.False(merge.Report!.Outcome.Promoted);
        Assert.Contains("`champion` not moved: it moved to churn:1 while this pull request was open", await File.ReadAllTextAsync(ReportFile), StringComparison.Ordinal);
        Assert.Contains(_output.Warnings, w => w.StartsWith("champion not moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Data_a_hook_refuses_is_not_committed_and_the_report_names_the_hook()
    {
        var (flow, host, repository) = await StartAsync(new RefusingValidator());
        var mainHead = (await repository.ResolveAsync("main", CancellationToken.None)).Id;

        var sync = await flow.SyncAsync(Context(), CancellationToken.None);

        Assert.Equal(1, sync.ExitCode);
        Assert.Equal(OutcomeKind.Blocked, sync.Report!.Outcome.Kind);
        Assert.Equal(mainHead, (await repository.ResolveAsync("pr-1", CancellationToken.None)).Id);
        Assert.Equal([CommitStatusState.Pending, CommitStatusState.Failure], host.Statuses.Select(x => x.State));
        var report = await File.ReadAllTextAsync(ReportFile);
        Assert.Contains("🚫 **Data commit refused** — pre-commit hook `fare-present` failed", report, StringComparison.Ordinal);
        Assert.Contains("column monthly is empty in 2 rows", report, StringComparison.Ordinal);
        Assert.Empty(await new Core.Training.Runs.RunStore(repository.Store).ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_prepare_command_runs_in_the_checkout_before_the_data_is_committed()
    {
        var prepare = "mkdir -p data && cp seed.csv data/customers.csv && echo prepared pr $MLOPS_PR";
        var (flow, _, repository) = await StartAsync(null, $"  prepare: {prepare}\n");
        _temp.Write("checkout/seed.csv", ChurnData.Csv(1, 300) + ChurnData.Rows(5, 300));
        Directory.Delete(_temp.Combine("checkout", "data"), recursive: true);

        var sync = await flow.SyncAsync(Context(), CancellationToken.None);

        Assert.Equal(0, sync.ExitCode);
        Assert.Contains("  prepared pr 1", _output.Steps);
        var entry = await repository.GetEntryAsync("pr-1", PullRequestScenario.DataFile, CancellationToken.None);
        Assert.Equal(new FileInfo(_temp.Combine("checkout", "seed.csv")).Length, entry.Size);
        Assert.Equal(600, sync.Report!.DataDiff!.Files.Single().Table!.RowsAfter);
    }

    public void Dispose() => _temp.Dispose();

    private string ReportFile => _temp.Combine("report.md");

    private PullRequestContext Context() =>
        new(1, Head, "octo-org/churn-model", MlopsSpecParser.Parse(File.ReadAllText(_temp.Combine("checkout", "mlops.yml"))), _temp.Combine("checkout"));

    private async Task<(PullRequestFlow Flow, DryRunPullRequestHost Host, Repository Repository)> StartAsync(ICommitValidator? validator, string dataExtra = "")
    {
        _temp.Write("main/customers.csv", ChurnData.Csv(1, 300));
        _temp.Write("checkout/data/customers.csv", ChurnData.Csv(1, 300) + ChurnData.Rows(4, 300));
        _temp.Write("checkout/mlops.yml", $"data:\n  path: data\n  prefix: churn\n{dataExtra}model:\n  name: churn\n  task: binary\n  data:\n    train: {PullRequestScenario.DataFile}\n    split: 0.25\n  label: churned\n  categorical: [plan]\n  trainer: sdca\n  seed: 1\n");
        var store = new LocalFolderStore(_temp.Combine("store"));
        var (repository, _) = await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "test"), CancellationToken.None);
        await repository.CommitFolderAsync("main", _temp.Combine("main"), "churn", "Older period", new Dictionary<string, string>(), NoProgress.Instance, CancellationToken.None);
        if (validator is not null)
            repository = await Repository.OpenAsync(store, new RepositoryOptions(TimeProvider.System, "test", validator), CancellationToken.None);
        var info = new PullRequestInfo(1, "Newer period", Head, "data/newer", "main", "open", false, "monalisa", false, new Uri("https://github.com/octo-org/churn-model/pull/1"));
        var host = new DryRunPullRequestHost(info, [], ReportFile);
        return (new PullRequestFlow(repository, host, new ModelPipeline(repository, new MlNetTrainer()), _output), host, repository);
    }

    private sealed class RefusingValidator : ICommitValidator
    {
        public Task ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
        {
            var finding = new HookFinding("churn/customers.csv", "monthly", "not-null", 2, [new RowSample(4, 5, null), new RowSample(9, 10, null)], "churn/customers.csv: column monthly is empty in 2 rows (rows 4, 9)");
            var result = new HookResult("fare-present", "not-null", "not-null monthly", false, 1, 600, [finding], new HookSource("_mlops/hooks.yml", 7), 0.01);
            throw new HookFailedException(new HookRun("run-1", context.Branch, context.Event, DateTimeOffset.UtcNow, context.RulesCommit.Id, "tree", context.Changes.Count, [result]));
        }
    }
}
