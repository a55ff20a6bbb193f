using MlopsCi.Core.Training;
using MlopsCi.MLNet.Data;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// The holdout split by row hash is done once on the file: about the fraction held out, unlabelled rows left out, order
/// kept, reproducible; and a row's side depends only on its content (or key) and the seed, never on other rows.
/// </summary>
public sealed class RandomSplitterSpecs : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("mlops-split-").FullName;

    [Fact]
    public async Task About_the_split_fraction_of_labelled_rows_is_held_out_in_file_order_and_the_same_seed_gives_the_same_rows()
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
        Assert.Equal(labelled, first.Train.Rows + first.Test!.Rows);
        Assert.InRange(first.Test.Rows, 180, 270); // 901 × 0.25 = 225 expected; the binomial spread is about ±13
        Assert.Equal(first.Test.Rows, first.TestHashes!.Length);
        // The train hashes wait on disk while the model trains; read back, they are the train file's rows' hashes, in order.
        Assert.Equal(RowHasher.For(spec, first.Train).HashFile(first.Train), HashSpill.Read(first.TrainHashesFile!));
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

    [Fact]
    public async Task Appending_deleting_editing_and_reordering_other_rows_never_moves_a_row_across_the_split()
    {
        // A property over many generated files and changes: every row untouched by a change keeps its side.
        for (var trial = 0; trial < 20; trial++)
        {
            var random = new Random(trial);
            var rows = Enumerable.Range(0, random.Next(50, 400)).Select(i => Row(random, i)).ToList();
            var changed = rows.ToList();
            var edited = new HashSet<int>();
            foreach (var i in Enumerable.Range(0, random.Next(1, 40)))
                changed.Add(Row(random, rows.Count + i)); // appended
            for (var d = random.Next(0, 30); d > 0; d--)
                changed.RemoveAt(random.Next(changed.Count)); // deleted
            for (var e = random.Next(0, 30); e > 0; e--)
            {
                var at = random.Next(changed.Count);
                edited.Add(changed[at].Id);
                changed[at] = changed[at] with { X = changed[at].X + 1 }; // edited
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changed)); // reordered
            var seed = random.Next(1, 100);
            var spec = TempRepository.Model($"model: {{ name: m, task: binary, data: {{ train: data.csv, split: 0.3 }}, label: label, seed: {seed} }}");
            var before = await SidesAsync(spec, rows, $"t{trial}-before", idFirst: true);
            var after = await SidesAsync(spec, changed, $"t{trial}-after", idFirst: trial % 2 == 0); // odd trials also reorder the columns

            var kept = changed.Select(r => r.Id).Where(id => id < rows.Count && !edited.Contains(id)).ToList();
            Assert.NotEmpty(kept);
            Assert.All(kept, id => Assert.True(before[id] == after[id], $"trial {trial}: row {id} moved from {(before[id] ? "evaluation" : "training")}"));
            // With model.key, edited rows keep their side too: the key, not the edited value, places them.
            var keyed = spec with { Key = ["id"] };
            var keyedBefore = await SidesAsync(keyed, rows, $"t{trial}-kb", idFirst: true);
            var keyedAfter = await SidesAsync(keyed, changed, $"t{trial}-ka", idFirst: true);
            Assert.All(changed.Where(r => r.Id < rows.Count), r => Assert.Equal(keyedBefore[r.Id], keyedAfter[r.Id]));
        }
    }

    [Fact]
    public async Task A_key_column_missing_from_the_file_is_bad_input_naming_it()
    {
        var csv = Path.Combine(_temp, "data.csv");
        await File.WriteAllLinesAsync(csv, ["x,label", .. Enumerable.Range(0, 30).Select(i => $"{i},{i % 2}")]);
        var spec = TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label, key: [customer_id] }");

        var error = await Assert.ThrowsAsync<Core.Errors.InvalidInputException>(() => DataPreparer.PrepareAsync(spec, new DataFile(csv, "data.csv"), null, true, true, Path.Combine(_temp, "k"), CancellationToken.None));

        Assert.Contains("key column 'customer_id' is not in data.csv", error.Message, StringComparison.Ordinal);
    }

    private sealed record GeneratedRow(int Id, int X, string Label);

    private static GeneratedRow Row(Random random, int id) => new(id, random.Next(1000), random.Next(2) == 0 ? "yes" : "no");

    /// <summary>Row id → held out (true) or trained on (false).</summary>
    private async Task<Dictionary<int, bool>> SidesAsync(Core.Specs.ModelSpec spec, IEnumerable<GeneratedRow> rows, string name, bool idFirst)
    {
        var csv = Path.Combine(_temp, name + ".csv");
        await File.WriteAllLinesAsync(csv, [idFirst ? "id,x,label" : "label,x,id", .. rows.Select(r => idFirst ? $"{r.Id},{r.X},{r.Label}" : $"{r.Label},{r.X},{r.Id}")]);
        var prepared = await DataPreparer.PrepareAsync(spec, new DataFile(csv, "data.csv"), null, true, true, Path.Combine(_temp, name), CancellationToken.None);
        var column = idFirst ? 0 : 2;
        int Id(string line) => int.Parse(line.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture);
        var sides = File.ReadLines(prepared.Train.LocalPath).Skip(1).ToDictionary(Id, _ => false);
        foreach (var line in File.ReadLines(prepared.Test!.LocalPath).Skip(1))
            sides[Id(line)] = true;
        return sides;
    }

    private static List<int> Ids(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => int.Parse(l[..l.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture))];

    public void Dispose() => Directory.Delete(_temp, true);
}
