using System.Text.Json;
using MlopsCi.Cli.Tests;
using MlopsCi.Training.Tests.Config;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>The real mlops program on a spec with three mistakes: all three on stderr, and with --json as a list.</summary>
public sealed class SpecErrorCommandSpecs : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task With_json_the_specs_problems_are_printed_as_a_list_of_lines_and_messages()
    {
        _cli.WriteSpec(SpecErrorSpecs.ThreeMistakes);

        var train = await _cli.RunAsync("train", "--ref", "main", "--json");

        Assert.True(train.ExitCode == 2, train.ToString());
        using var json = JsonDocument.Parse(train.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("mlops.yml has 3 errors:\n", root.GetProperty("error").GetString(), StringComparison.Ordinal);
        var errors = root.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString(), e.GetProperty("file").GetString())).ToList();
        Assert.Equal(
            [
                (3, "unknown task 'binar'; use binary, multiclass or regression", "mlops.yml"),
                (6, "unknown key 'trainr' under 'model' (did you mean 'trainer'?)", "mlops.yml"),
                (8, "'drift.top' must be at least 1", "mlops.yml"),
            ],
            errors);
    }

    [Fact]
    public async Task Without_json_every_problem_is_on_stderr_with_its_line()
    {
        _cli.WriteSpec(SpecErrorSpecs.ThreeMistakes);

        var train = await _cli.RunAsync("train", "--ref", "main");

        Assert.True(train.ExitCode == 2, train.ToString());
        Assert.Contains("error: mlops.yml has 3 errors:", train.Error, StringComparison.Ordinal);
        Assert.Contains("mlops.yml line 3: unknown task 'binar'", train.Error, StringComparison.Ordinal);
        Assert.Contains("mlops.yml line 6: unknown key 'trainr'", train.Error, StringComparison.Ordinal);
        Assert.Contains("mlops.yml line 8: 'drift.top' must be at least 1.", train.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_github_actions_each_problem_is_an_annotation_at_its_line()
    {
        _cli.WriteSpec(SpecErrorSpecs.ThreeMistakes);

        var train = await MlopsProcess.RunAsync(MlopsProcess.StartInfo(_cli.Folder, ["train", "--ref", "main"], new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }));

        Assert.True(train.ExitCode == 2, train.ToString());
        var annotations = train.Error.Split('\n').Where(l => l.StartsWith("::error", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, annotations.Count);
        Assert.StartsWith("::error file=mlops.yml,line=3", annotations[0], StringComparison.Ordinal);
        Assert.Contains("::unknown task 'binar'", annotations[0], StringComparison.Ordinal);
        Assert.StartsWith("::error file=mlops.yml,line=6", annotations[1], StringComparison.Ordinal);
        Assert.StartsWith("::error file=mlops.yml,line=8", annotations[2], StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
