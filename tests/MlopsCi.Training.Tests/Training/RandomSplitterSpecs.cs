using MlopsCi.Core.Training;
using MlopsCi.MLNet.Data;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>The seeded holdout split is done once on the file: exact counts, unlabelled rows left out, order kept, reproducible.</summary>
public sealed class RandomSplitterSpecs : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("mlops-split-").FullName;

    [Fact]
    public async Task Exactly_the_split_fraction_of_labelled_rows_is_held_out_in_file_order_and_the_same_seed_gives_the_same_rows()
    {
        // 1,001 rows, every 10th without a label; one quoted row with a comma inside.
        var lines = new List<string> { "id,x,label" };
        for (var i = 0; i < 1001; i++)
            lines.Add(i == 500 ? "500,\"a, quoted\",1" : $"{i},{i * 0.5},{(i % 10 == 3 ? "" : (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        var csv = Path.Combine(_temp, "data.csv");
        await File.WriteAllLinesAsync(csv, lines);
        var spec = TempRepository.Model("model: { name: m, task: multiclass, data: { train: data.csv, split: 0.25 }, label: label, categorical: [x] }");

        var first = await DataPreparer.PrepareAsync(spec, new DataFile(csv, "data.csv"), null, true, true, Path.Combine(_temp, "a"), CancellationToken.None);
        var second = await DataPreparer.PrepareAsync(spec, new DataFile(csv, "data.csv"), null, true, true, Path.Combine(_temp, "b"), CancellationToken.None);
        var other = await DataPreparer.PrepareAsync(spec with { Seed = 2 }, new DataFile(csv, "data.csv"), null, true, true, Path.Combine(_temp, "c"), CancellationToken.None);

        var labelled = 1001 - 100;
        Assert.Equal(1001, first.Whole!.Rows);
        Assert.Equal((labelled - 225, 225), (first.Train.Rows, first.Test!.Rows)); // round(901 × 0.25) = 225
        var train = Ids(first.Train.LocalPath);
        var test = Ids(first.Test.LocalPath);
        Assert.Equal(first.Train.Rows, train.Count);
        Assert.Equal(first.Test.Rows, test.Count);
        Assert.Empty(train.Intersect(test));
        Assert.Equal(Enumerable.Range(0, 1001).Where(i => i % 10 != 3), train.Concat(test).Order());
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
        Assert.Contains(500, train.Concat(test));
        Assert.Equal(await File.ReadAllTextAsync(first.Test.LocalPath), await File.ReadAllTextAsync(second.Test!.LocalPath));
        Assert.NotEqual(test, Ids(other.Test!.LocalPath));
        var labelCounts = first.Train.LabelValues!.ToDictionary();
        foreach (var (label, count) in first.Test.LabelValues!)
            labelCounts[label] = labelCounts.GetValueOrDefault(label) + count;
        Assert.Equal(first.Whole.LabelValues!.OrderBy(l => l.Key), labelCounts.OrderBy(l => l.Key));
        Assert.Equal("id,x,label", File.ReadLines(first.Test.LocalPath).First());
    }

    private static List<int> Ids(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => int.Parse(l[..l.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture))];

    public void Dispose() => Directory.Delete(_temp, true);
}
