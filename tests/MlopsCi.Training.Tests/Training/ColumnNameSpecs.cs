using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>Columns the spec names that the data lacks: all at once, each at its line, a suggestion only for a likely typo (issue 17).</summary>
public sealed class ColumnNameSpecs
{
    private static async Task<InvalidInputException> TrainAsync(string csv, string yaml)
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data/train.csv"] = repo.WriteFile("train.csv", csv) });
        return await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(yaml), "main"), CancellationToken.None));
    }

    [Fact]
    public async Task Every_column_the_spec_names_that_the_file_lacks_is_reported_at_once()
    {
        var error = await TrainAsync(SyntheticData.Binary(50, 1), "model:\n  name: m\n  task: binary\n  data: { train: data/train.csv }\n  label: target\n  categorical: [colour]\n  ignore: [x4]\n");

        Assert.Equal(
            """
            mlops.yml has 3 errors:
            mlops.yml line 5: label column 'target' is missing from data/train.csv (columns: x1, x2, x3, color, label).
            mlops.yml line 6: 'categorical' names column 'colour', which is not in data/train.csv (did you mean 'color'? columns: x1, x2, x3, color, label).
            mlops.yml line 7: 'ignore' names column 'x4', which is not in data/train.csv (did you mean 'x1'? columns: x1, x2, x3, color, label).
            """.ReplaceLineEndings("\n"),
            error.Message);
        Assert.Equal([5, 6, 7], error.SpecErrors.Select(e => e.Line));
    }

    [Fact]
    public async Task A_short_name_two_edits_from_a_column_gets_no_suggestion()
    {
        // Issue 17 (Seen): 'date' got "did you mean 'age'?".
        var csv = "age,sex,label\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{30 + i},{i % 2},{i % 3 == 0}\n"));

        var error = await TrainAsync(csv, "model: { name: m, task: binary, data: { train: data/train.csv }, label: label, time-column: date }");

        Assert.Equal("mlops.yml line 1: 'time-column' names column 'date', which is not in data/train.csv (columns: age, sex, label).", error.Message);
    }
}
