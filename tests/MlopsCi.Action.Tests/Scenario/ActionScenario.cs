using MlopsCi.Action.Tests.Container;
using MlopsCi.Action.Tests.Runner;
using MlopsCi.PullRequests.Tests;
using MlopsCi.Testing.FakeGitHub;

namespace MlopsCi.Action.Tests.Scenario;

/// <summary>
/// A checkout in a workspace folder (the spec and the pull request's data under <see cref="Folder"/>, the action's
/// <c>working-directory</c>), a local data store in it whose <c>main</c> holds an older period, a fake GitHub on
/// 127.0.0.1, and the built image run as a workflow step against them.
/// </summary>
internal sealed class ActionScenario : IAsyncDisposable
{
    public const string Repository = "octo-org/churn-model";
    public const string Token = "ghs_ACTIONtoken0123456789abcdefXYZ";
    public const string Sha1 = "1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a";
    public const string Sha2 = "2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b";
    public const string Folder = "model";
    public const string DefaultGates = "  - { metric: auc, max-regression: 10% }";

    private readonly TempFolder _temp = new();
    private readonly ActionImage _image;
    private readonly ActionMetadata _action = ActionMetadata.Load(RepositoryRoot.Combine("action.yml"));

    private ActionScenario(ActionImage image, FakeGitHubServer github)
    {
        _image = image;
        GitHub = github;
    }

    public FakeGitHubServer GitHub { get; }

    public string Workspace => _temp.Combine("workspace");

    public string Checkout => _temp.Combine("workspace", Folder);

    /// <summary>The checkout as the action's container sees it.</summary>
    public static string ContainerCheckout => "/github/workspace/" + Folder;

    public static async Task<ActionScenario> StartAsync(ActionImage image, string gates = DefaultGates, bool seedStore = true)
    {
        var scenario = new ActionScenario(image, await FakeGitHubServer.StartAsync("/api/v3", Token));
        scenario.WriteSpec(gates);
        scenario._temp.Write($"workspace/{Folder}/data/customers.csv", ChurnData.Csv(1, 500) + ChurnData.Rows(2, 500));
        if (seedStore)
        {
            var main = scenario._temp.Write("main/customers.csv", ChurnData.Csv(1, 500));
            await scenario.MlopsAsync("data", "init");
            await scenario.MlopsAsync("data", "commit", "main", Path.GetDirectoryName(main)!, "--prefix", "churn", "-m", "Older period");
        }

        return scenario;
    }

    public void WriteSpec(string gates, string extra = "") => _temp.Write($"workspace/{Folder}/mlops.yml", $"""
        data:
          path: data
          prefix: churn
        model:
          name: churn
          task: binary
          data:
            train: churn/customers.csv
            split: 0.25
          label: churned
          categorical: [plan]
          trainer: lightgbm
          seed: 1{extra}
        gates:
        {gates}
        """);

    /// <summary>Commits one file to main under its own prefix (the rest of main is kept).</summary>
    public async Task CommitToMainAsync(string path, string content)
    {
        var folder = _temp.Combine("main-" + Guid.NewGuid().ToString("N")[..8]);
        _temp.Write(Path.Combine(Path.GetFileName(folder), Path.GetFileName(path)), content);
        await MlopsAsync("data", "commit", "main", folder, "--prefix", Path.GetDirectoryName(path)!, "-m", "Update " + path);
    }

    public void OpenPullRequest(int number, string headSha) =>
        GitHub.AddPullRequest(Repository, new FakePullRequest(number, headSha) { HeadRef = "data/newer" });

    /// <summary>A step of the example workflow on a pull_request event, with <c>working-directory</c> set unless given.</summary>
    public Task<StepResult> OnPullRequestAsync(string action, int number, string headSha, params (string Name, string Value)[] with) =>
        Step(headSha).RunAsync("pull_request", Payloads.PullRequest(action, number, headSha), With(with));

    public Task<StepResult> OnClosedAsync(int number, string headSha, bool merged, params (string Name, string Value)[] with) =>
        Step(headSha).RunAsync("pull_request", Payloads.PullRequest("closed", number, headSha, merged), With(with));

    /// <summary>A step on a pull_request event whose payload is given whole.</summary>
    public Task<StepResult> OnPullRequestPayloadAsync(string payload, string headSha) =>
        Step(headSha).RunAsync("pull_request", payload, With([]));

    /// <summary>Replaces the pull request's data file in the checkout.</summary>
    public void WriteData(string csv) => _temp.Write($"workspace/{Folder}/data/customers.csv", csv);

    public Task<StepResult> OnReviewAsync(string state, int number, string headSha, params (string Name, string Value)[] with) =>
        Step(headSha).RunAsync("pull_request_review", Payloads.Review(state, number, headSha, headSha), With(with));

    /// <summary>A step of actions/examples/retrain.yml on a push to main.</summary>
    public Task<StepResult> OnPushAsync(string headSha, params (string Name, string Value)[] with) =>
        Step(headSha).RunAsync("push", Payloads.Push(headSha), With(with));

    /// <summary>
    /// Runs another mlops command in the image (to seed and inspect the store in the workspace): the scenario's folder
    /// mounted at its own path, the checkout as working folder.
    /// </summary>
    public async Task<string> MlopsAsync(params string[] args)
    {
        var run = await ContainerAsync([], args);
        return run.ExitCode == 0 ? run.Out : throw new InvalidOperationException($"mlops {string.Join(' ', args)} failed in the container: {run}");
    }

    /// <summary>Runs the image with extra <c>docker run</c> options (e.g. <c>--entrypoint</c>), as <see cref="MlopsAsync"/> does.</summary>
    public Task<DockerResult> ContainerAsync(string[] options, params string[] args) =>
        _image.DockerAsync(["run", "--rm", "--network", "host", "-v", $"{_temp.Path}:{_temp.Path}", "--workdir", Checkout, .. options, _image.Tag, .. args]);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _temp.Dispose();
    }

    private DockerActionStep Step(string sha) =>
        new(_image, _action, Directory.CreateDirectory(_temp.Combine("runner-temp")).FullName, Workspace) { Repository = Repository, Token = Token, ApiUrl = GitHub.ApiUrl, Sha = sha };

    private static Dictionary<string, string> With((string Name, string Value)[] with)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["working-directory"] = Folder };
        foreach (var (name, value) in with)
            inputs[name] = value;
        return inputs;
    }
}
