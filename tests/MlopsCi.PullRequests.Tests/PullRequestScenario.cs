using MlopsCi.Cli.Tests;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;
using MlopsCi.Testing.FakeGitHub;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// One end-to-end setting: a local store whose <c>main</c> holds an older period of churn data, a checkout with mlops.yml
/// and the pull request's data folder, and a fake GitHub on 127.0.0.1; runs the real <c>mlops</c> process against them.
/// </summary>
internal sealed class PullRequestScenario : IAsyncDisposable
{
    public const string Token = "ghs_SECRETtoken0123456789abcdefXYZ";
    public const string Sha1 = "1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a";
    public const string Sha2 = "2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b";
    public const string DataFile = "churn/customers.csv";
    public const string RunUrl = "https://github.com/" + WebhookPayloads.Repository + "/actions/runs/4242";

    private readonly TempFolder _temp = new();
    private int _events;

    private PullRequestScenario(FakeGitHubServer github) => GitHub = github;

    public FakeGitHubServer GitHub { get; }

    public string Store => _temp.Combine("store");

    public string Checkout => _temp.Combine("checkout");

    public string SummaryFile => _temp.Combine("step-summary.md");

    public string OutputFile => _temp.Combine("github-output.txt");

    public List<MlopsProcess.Result> Results { get; } = [];

    public static async Task<PullRequestScenario> StartAsync(string gates = "  - { metric: auc, max-regression: 10% }", int mainRows = 500, string split = "0.25", string? mainGitSha = null)
    {
        var scenario = new PullRequestScenario(await FakeGitHubServer.StartAsync("/api/v3", Token));
        scenario._temp.Write("main/customers.csv", ChurnData.Csv(1, mainRows));
        scenario._temp.Write("checkout/mlops.yml", $"""
            data:
              path: data
              prefix: churn
            model:
              name: churn
              task: binary
              data:
                train: {DataFile}
                split: {split}
              label: churned
              categorical: [plan]
              trainer: lightgbm
              seed: 1
            gates:
            {gates}
            """);
        scenario.WriteCheckoutData(ChurnData.Csv(1, 500) + ChurnData.Rows(2, 500));
        await scenario.MlopsAsync("data", "init");
        string[] meta = mainGitSha is null ? [] : ["--meta", "git-sha=" + mainGitSha];
        await scenario.MlopsAsync(["data", "commit", "main", scenario._temp.Combine("main"), "--prefix", "churn", "-m", "Older period", .. meta]);
        return scenario;
    }

    public void WriteCheckoutData(string csv) => _temp.Write("checkout/data/customers.csv", csv);

    /// <summary>Adds lines to the <c>model:</c> section of the checkout's mlops.yml (e.g. trainer parameters).</summary>
    public void AddToModelSpec(string lines) =>
        _temp.Write("checkout/mlops.yml", File.ReadAllText(Path.Combine(Checkout, "mlops.yml")).Replace("  trainer: lightgbm\n", "  trainer: lightgbm\n" + lines + "\n", StringComparison.Ordinal));
    /// <summary>Writes any file of the checkout (relative to it).</summary>
    public string WriteCheckout(string path, string content) => _temp.Write("checkout/" + path, content);

    /// <summary>Deletes a file of the checkout (relative to it).</summary>
    public void DeleteCheckout(string path) => File.Delete(_temp.Combine("checkout", path));

    /// <summary>Adds a commit to the code repository's git history (the compare API answers from it).</summary>
    public void GitCommit(string sha, params string[] parents) => GitHub.Store.Git.AddCommit(WebhookPayloads.Repository, sha, parents);

    /// <summary>Moves a branch of the code repository.</summary>
    public void GitBranch(string branch, string sha) => GitHub.Store.Git.SetBranch(WebhookPayloads.Repository, branch, sha);

    /// <summary>The paths on a data branch (or commit) under <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> PathsAsync(string reference, string prefix = "")
    {
        var paths = new List<string>();
        await foreach (var entry in (await OpenRepositoryAsync()).ListAsync(reference, prefix, CancellationToken.None))
            paths.Add(entry.Path);
        return paths;
    }

    /// <summary>A file's text on a data branch.</summary>
    public async Task<string> ReadDataAsync(string reference, string path)
    {
        var repository = await OpenRepositoryAsync();
        await using var stream = await repository.OpenBlobAsync(await repository.GetEntryAsync(reference, path, CancellationToken.None), CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public FakePullRequest OpenPullRequest(int number, string headSha, string? headRepository = null) =>
        GitHub.AddPullRequest(WebhookPayloads.Repository, new FakePullRequest(number, headSha) { HeadRepository = headRepository, HeadRef = "data/newer", BaseSha = WebhookPayloads.BaseSha });

    public string ReadCheckout(string path) => File.ReadAllText(_temp.Combine("checkout", path));

    /// <summary>Runs <c>mlops pr &lt;args&gt;</c> for an event, as a workflow step would.</summary>
    public async Task<MlopsProcess.Result> RunEventAsync(string eventName, string payload, params string[] args)
    {
        var path = _temp.Write($"events/{++_events}-{eventName}.json", payload);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = path,
            ["GITHUB_REPOSITORY"] = WebhookPayloads.Repository,
            ["GITHUB_API_URL"] = GitHub.ApiUrl.ToString(),
            ["GITHUB_TOKEN"] = Token,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = "4242",
        };
        return await RunAsync(["pr", .. args], environment);
    }

    /// <summary>Runs <c>mlops &lt;args&gt;</c> with the store and no GitHub environment.</summary>
    public Task<MlopsProcess.Result> MlopsAsync(params string[] args) => RunAsync(args, new Dictionary<string, string>());

    public async Task<Repository> OpenRepositoryAsync() =>
        await Repository.OpenAsync(new LocalFolderStore(Store), new RepositoryOptions(TimeProvider.System, "test"), CancellationToken.None);

    public async Task<int> CommitCountAsync(string branch) => (await (await OpenRepositoryAsync()).LogAsync(branch, 1000, CancellationToken.None)).Count;

    public async Task<IReadOnlyList<RunRecord>> RunsAsync() => await new RunStore(new LocalFolderStore(Store)).ListAsync("churn", CancellationToken.None);

    public async Task<IReadOnlyList<ModelVersion>> VersionsAsync() => await new ModelRegistry(new LocalFolderStore(Store), TimeProvider.System).ListVersionsAsync("churn", CancellationToken.None);

    public async Task<ModelAlias?> ChampionAsync() => await new ModelRegistry(new LocalFolderStore(Store), TimeProvider.System).GetAliasAsync("churn", "champion", CancellationToken.None);

    public IReadOnlyList<FakeComment> Comments(int number) => GitHub.Store.Comments(WebhookPayloads.Repository, number);

    public IReadOnlyList<FakeStatus> Statuses() => GitHub.Store.Statuses(WebhookPayloads.Repository);

    public string AllOutput() => string.Join("\n", Results.Select(r => r.Out + "\n" + r.Error))
        + (File.Exists(SummaryFile) ? File.ReadAllText(SummaryFile) : "")
        + (File.Exists(OutputFile) ? File.ReadAllText(OutputFile) : "");

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _temp.Dispose();
    }

    private async Task<MlopsProcess.Result> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        environment["MLOPS_STORE"] = Store;
        var info = MlopsProcess.StartInfo(Checkout, args, environment);
        foreach (var name in new[] { "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_API_URL", "GITHUB_SERVER_URL", "GITHUB_RUN_ID" })
        {
            if (!environment.ContainsKey(name))
                info.Environment.Remove(name);
        }

        var result = await MlopsProcess.RunAsync(info);
        Results.Add(result);
        return result;
    }
}
