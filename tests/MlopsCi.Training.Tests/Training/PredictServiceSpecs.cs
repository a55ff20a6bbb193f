using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

public sealed class PredictServiceSpecs
{
    [Fact]
    public async Task A_multiclass_prediction_writes_the_class_name_and_a_score_per_class_for_every_row()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["penguins.csv"] = TestData.File("penguins.csv") });
        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model("model: { name: penguins, task: multiclass, data: { train: penguins.csv }, label: Species, trainer: lightgbm, params: { numberOfIterations: 30 } }"), "main"), CancellationToken.None)).Run;
        var output = Path.Combine(repo.Folder, "predictions.csv");

        var (_, rows) = await new PredictService(repo.Repository, repo.Trainer).PredictAsync(run.Id, "main", "penguins.csv", null, output, CancellationToken.None);

        var lines = File.ReadAllLines(output);
        Assert.Equal(344, rows);
        Assert.Equal(345, lines.Length);
        Assert.EndsWith(",Sex,PredictedLabel,Score.Adelie,Score.Chinstrap,Score.Gentoo", lines[0], StringComparison.Ordinal);
        var correct = lines.Skip(1).Select(l => l.Split(',')).Count(f => f[0] == f[7]);
        Assert.True(correct > 300, $"{correct} of 344 predicted labels equal the species");
    }
}
