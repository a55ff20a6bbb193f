using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

public sealed class BadInputSpecs
{
    private const string Binary = "model:\n  name: m\n  task: binary\n  data: { train: data/train.csv }\n  label: label\n";

    private static async Task<(InvalidInputException Error, IReadOnlyList<RunRecord> Runs)> TrainAsync(string csv, string yaml)
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data/train.csv"] = repo.WriteFile("train.csv", csv) });
        var spec = TempRepository.Model(yaml);
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None));
        return (error, await new RunStore(repo.Store).ListAsync(null, CancellationToken.None));
    }

    private static void AssertRecordedAsFailed(IReadOnlyList<RunRecord> runs, InvalidInputException error)
    {
        var run = Assert.Single(runs);
        Assert.Equal((RunStatus.Failed, error.Message), (run.Status, run.Error));
        Assert.Null(run.ModelHash);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task A_missing_label_column_names_the_spec_line_the_file_and_its_columns()
    {
        var (error, runs) = await TrainAsync(SyntheticData.Binary(50, 1), Binary.Replace("label: label", "label: churned", StringComparison.Ordinal));

        Assert.Equal("mlops.yml line 5: label column 'churned' is missing from data/train.csv (columns: x1, x2, x3, color, label).", error.Message);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_spec_naming_an_unknown_column_names_the_spec_line()
    {
        var (error, runs) = await TrainAsync(SyntheticData.Binary(50, 1), Binary + "  categorical: [colour]\n");

        Assert.Equal("mlops.yml line 6: 'categorical' names column 'colour', which is not in data/train.csv (did you mean 'color'? columns: x1, x2, x3, color, label).", error.Message);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_non_numeric_value_in_a_numeric_column_names_the_file_line_row_and_column()
    {
        var csv = new StringBuilder(SyntheticData.Binary(1500, 1));
        var lines = csv.ToString().Split('\n');
        lines[1203] = "abc" + lines[1203][lines[1203].IndexOf(',', StringComparison.Ordinal)..];

        var (error, runs) = await TrainAsync(string.Join('\n', lines), Binary);

        Assert.StartsWith("data/train.csv line 1204 (row 1203), column 'x1': 'abc' is not a number, but the column is numeric", error.Message, StringComparison.Ordinal);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task Empty_data_is_refused()
    {
        var (error, runs) = await TrainAsync("x1,x2,label\n", Binary);

        Assert.Equal("data/train.csv has a header but no data rows; there is nothing to train or evaluate on.", error.Message);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_binary_label_with_one_class_is_refused()
    {
        var (error, runs) = await TrainAsync("x1,label\n1,yes\n2,yes\n3,yes\n", Binary);

        Assert.Equal("data/train.csv: the binary label 'label' has only one class ('yes') in 3 rows; a classifier needs at least two classes to learn from.", error.Message);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_ragged_row_is_refused_with_its_line()
    {
        var (error, _) = await TrainAsync("x1,x2,label\n1,2,yes\n3,no\n", Binary);

        Assert.StartsWith("data/train.csv line 3: 2 values, but the header has 3 columns.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ragged_row_after_the_sample_is_refused_with_its_line()
    {
        var lines = SyntheticData.Binary(1500, 1).Split('\n');
        lines[1299] = lines[1299][(lines[1299].IndexOf(',', StringComparison.Ordinal) + 1)..];

        var (error, _) = await TrainAsync(string.Join('\n', lines), Binary);

        Assert.StartsWith("data/train.csv line 1300: 4 values, but the header has 5 columns.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_trainer_lists_the_valid_ones()
    {
        var (error, runs) = await TrainAsync(SyntheticData.Binary(50, 1), Binary + "  trainer: xgboost\n");

        Assert.Equal("mlops.yml line 6: unknown trainer 'xgboost' for a binary model. Valid trainers: averagedperceptron, fastforest, fasttree, gam, lbfgs, lightgbm, sdca.", error.Message);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_trainer_of_another_task_says_where_it_exists()
    {
        var (error, _) = await TrainAsync(SyntheticData.Binary(50, 1), Binary.Replace("task: binary", "task: multiclass", StringComparison.Ordinal) + "  trainer: gam\n");

        Assert.Contains("unknown trainer 'gam' for a multiclass model ('gam' exists for binary and regression models only)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_parameter_lists_the_valid_ones()
    {
        var (error, runs) = await TrainAsync(SyntheticData.Binary(50, 1), Binary + "  params:\n    numberOfLeafs: 3\n");

        Assert.StartsWith("mlops.yml line 7: trainer 'lightgbm' has no parameter 'numberOfLeafs'. Valid parameters: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("NumberOfLeaves", error.Message, StringComparison.Ordinal);
        AssertRecordedAsFailed(runs, error);
    }

    [Fact]
    public async Task A_parameter_value_of_the_wrong_type_is_refused()
    {
        var (error, _) = await TrainAsync(SyntheticData.Binary(50, 1), Binary + "  params: { numberOfLeaves: many }\n");

        Assert.Equal("mlops.yml line 6: parameter 'numberOfLeaves' of trainer 'lightgbm' takes a whole number, not 'many'.", error.Message);
    }

    [Fact]
    public async Task A_regression_label_that_is_not_numeric_is_refused()
    {
        var (error, _) = await TrainAsync(SyntheticData.Binary(50, 1), Binary.Replace("task: binary", "task: regression", StringComparison.Ordinal));

        Assert.StartsWith("mlops.yml line 5: the label 'label' of a regression model must be numeric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_file_missing_at_the_ref_is_refused()
    {
        var (error, _) = await TrainAsync(SyntheticData.Binary(50, 1), Binary.Replace("data/train.csv", "data/other.csv", StringComparison.Ordinal));

        Assert.StartsWith("There is no file 'data/other.csv' at data commit", error.Message, StringComparison.Ordinal);
    }
}
