using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// The run keeps its evaluation rows (issue 17): rows dropped without a label are stated, and an evaluation set under
/// 100 rows is warned about, in the stored run as in the report.
/// </summary>
public sealed class EvaluationRowsSpecs
{
    [Fact]
    public async Task A_run_records_the_unlabelled_evaluation_rows_it_dropped_and_warns_under_100_rows()
    {
        await using var repo = await TempRepository.CreateAsync();
        var test = SyntheticData.Binary(40, 9).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => i is 5 or 6 or 7 ? line[..line.LastIndexOf(',')] + "," : line);
        await repo.CommitAsync("main", new Dictionary<string, string>
        {
            ["data/train.csv"] = repo.WriteFile("train.csv", SyntheticData.Binary(300, 8)),
            ["data/test.csv"] = repo.WriteFile("test.csv", string.Join('\n', test) + "\n"),
        });
        var spec = TempRepository.Model("model: { name: m, task: binary, data: { train: data/train.csv, test: data/test.csv }, label: label, trainer: fasttree }");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var stored = await new RunStore(repo.Store).GetAsync(run.Id, CancellationToken.None);

        var evaluation = Assert.IsType<Core.Training.Evaluation.EvaluationRows>(stored.Evaluation);
        Assert.Equal((37, 3), (evaluation.Rows, evaluation.Unlabelled));
        Assert.Equal(37, stored.TestRows);
        Assert.Equal("evaluation: 37 rows, 0 seen in training by the model; 3 rows without a label left out", evaluation.Describe());
        Assert.StartsWith("only 37 evaluation rows (under 100): every interval is wide", evaluation.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_100_evaluation_rows_or_more_gets_no_warning()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data/train.csv"] = repo.WriteFile("train.csv", SyntheticData.Binary(800, 4)) });
        var spec = TempRepository.Model("model: { name: m, task: binary, data: { train: data/train.csv, split: 0.25 }, label: label, trainer: fasttree }");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.InRange(run.Evaluation!.Rows, 100, 800);
        Assert.Equal((0, 0), (run.Evaluation.Unlabelled, run.Evaluation.LeftOut));
        Assert.Null(run.Evaluation.Warning);
    }
}
