using System.Text.Json;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>'mlops runs show' states the run's evaluation rows, those dropped without a label, and the few-rows warning (issue 17).</summary>
[Trait("Speed", "Slow")]
public sealed class RunsShowEvaluationSpecs : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Runs_show_states_the_dropped_unlabelled_rows_and_warns_about_a_small_evaluation_set()
    {
        var rows = SyntheticData.Binary(120, 6).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => i > 0 && i % 10 == 0 ? line[..line.LastIndexOf(',')] + "," : line);
        await _cli.CommitDataAsync(string.Join('\n', rows) + "\n");
        _cli.WriteSpec("store: file://store\nmodel:\n  name: churn\n  task: binary\n  data: { train: data/train.csv, split: 0.5 }\n  label: label\n  trainer: fasttree\n");
        using var run = await _cli.TrainAsync();
        var id = run.RootElement.GetProperty("id").GetString()!;

        var show = await _cli.RunAsync("runs", "show", id);
        var json = await _cli.RunAsync("runs", "show", id, "--json");

        Assert.True(show.ExitCode == 0, show.ToString());
        var evaluation = JsonDocument.Parse(json.Out).RootElement.GetProperty("evaluation");
        var (scored, unlabelled) = (evaluation.GetProperty("rows").GetInt32(), evaluation.GetProperty("unlabelled").GetInt32());
        Assert.InRange(unlabelled, 1, 12);
        Assert.Contains($"evaluation: {scored} rows, 0 seen in training by the model; {unlabelled} row{(unlabelled == 1 ? "" : "s")} without a label left out\n", show.Out, StringComparison.Ordinal);
        Assert.Contains($"warning: only {scored} evaluation rows (under 100)", show.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
