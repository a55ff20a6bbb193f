using System.Text.Json;
using System.Text.RegularExpressions;
using MlopsCi.Cli.Tests;
using MlopsCi.Core.Tests;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>A temporary folder with a local store where the real mlops program runs; deleted on dispose.</summary>
internal sealed partial class CliWorkspace : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    /// <summary>Where the store keeps model files, named by their SHA-256.</summary>
    public string Artifacts => Path.Combine(Folder, "store", "_mlops", "artifacts");

    /// <summary>A string property of a JSON object (failing on null).</summary>
    public static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null in {element.GetRawText()}");

    /// <summary>The "metrics" object of a run, version or evaluation, in its order.</summary>
    public static IReadOnlyList<(string Name, double Value)> Metrics(JsonElement element) =>
        [.. element.GetProperty("metrics").EnumerateObject().Select(m => (m.Name, m.Value.GetDouble()))];

    public Task<MlopsProcess.Result> RunAsync(params string[] args) => MlopsProcess.RunAsync(Folder, args);

    public void WriteSpec(string yaml) => File.WriteAllText(Path.Combine(Folder, "mlops.yml"), yaml);

    /// <summary>Initialises the store and commits <paramref name="csv"/> as data/train.csv on main; returns the short commit id.</summary>
    public async Task<string> CommitDataAsync(string csv)
    {
        WriteSpec("store: file://store\n");
        var init = await RunAsync("data", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var work = Path.Combine(Folder, "work");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, "train.csv"), csv);
        var commit = await RunAsync("data", "commit", "main", "work", "--prefix", "data", "-m", "training data");
        Assert.True(commit.ExitCode == 0, commit.ToString());
        return CommitLine().Match(commit.Out).Groups[1].Value is { Length: 12 } id ? id : throw new InvalidOperationException($"no commit id in: {commit.Out}");
    }

    /// <summary>Trains with mlops.yml on main and returns the run's JSON (failing on a non-zero exit).</summary>
    public async Task<JsonDocument> TrainAsync(params string[] extra)
    {
        var train = await RunAsync(["train", "--ref", "main", "--json", .. extra]);
        Assert.True(train.ExitCode == 0, train.ToString());
        return JsonDocument.Parse(train.Out);
    }

    /// <summary>Runs 'models register' and returns the version number and whether it was created.</summary>
    public async Task<(int Version, bool Created)> RegisterAsync(string runId)
    {
        var result = await RunAsync("models", "register", runId, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Out);
        return (document.RootElement.GetProperty("version").GetProperty("version").GetInt32(), document.RootElement.GetProperty("created").GetBoolean());
    }

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^\[main ([0-9a-f]{12})\]")]
    private static partial Regex CommitLine();
}
