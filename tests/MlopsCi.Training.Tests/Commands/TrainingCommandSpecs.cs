using System.Security.Cryptography;
using System.Text.Json;
using MlopsCi.Training.Tests.Support;
using static MlopsCi.Training.Tests.Commands.CliWorkspace;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>
/// train, evaluate, runs and models as a user runs them: the real mlops program on a local store in a temporary folder,
/// a few hundred generated rows committed with 'mlops data commit'.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class TrainingCommandSpecs : IDisposable
{
    /// <summary>The spec every test starts from; the line numbers matter to the messages (data line 5, label 6, trainer 7, seed 8).</summary>
    private const string Spec = """
        store: file://store
        model:
          name: churn
          task: binary
          data: { train: data/train.csv }
          label: label
          trainer: fasttree
          seed: 3

        """;

    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task A_model_goes_from_training_through_the_registry_to_evaluation_comparison_and_export()
    {
        var commit = await _cli.CommitDataAsync(SyntheticData.Binary(300, 1));
        _cli.WriteSpec(Spec);

        using var run1 = await _cli.TrainAsync("--git-sha", "0123abc");
        _cli.WriteSpec(Spec + "  params: { numberOfTrees: 20 }\n");
        using var run2 = await _cli.TrainAsync();

        var (first, second) = (run1.RootElement, run2.RootElement);
        Assert.NotEqual(Text(first, "id"), Text(second, "id"));
        Assert.Equal("finished", Text(first, "status"));
        Assert.StartsWith(commit, Text(first, "dataCommit"), StringComparison.Ordinal);
        Assert.Equal("0123abc", first.GetProperty("tags").GetProperty("git-sha").GetString());
        Assert.Equal(300, first.GetProperty("trainRows").GetInt32() + first.GetProperty("testRows").GetInt32());
        Assert.InRange(first.GetProperty("metrics").GetProperty("auc").GetDouble(), 0.75, 1.0);
        Assert.Matches("^[0-9a-f]{64}$", Text(first, "modelHash"));
        Assert.NotEqual(Text(first, "specHash"), Text(second, "specHash"));
        await AssertRunsListAndShowTheRunAsync(first, Text(second, "id"), commit);
        await AssertRegisteringIsIdempotentAndAnAliasNamesAVersionAsync(Text(first, "id"), Text(second, "id"), Text(first, "modelHash"));
        await AssertEvaluatingThroughTheAliasReproducesTheRunAsync(first);
        await AssertComparingGivesDeltasIntervalsAndVerdictsAsync(Text(first, "id"), second);
        await AssertExportWritesTheRegisteredBlobAndOnnxAsync(Text(first, "modelHash"));
    }

    [Theory]
    [InlineData("missing-label", "mlops.yml line 6: label column 'churned' is missing from data/train.csv (columns: x1, x2, x3, color, label).")]
    [InlineData("unknown-column", "mlops.yml line 9: 'categorical' names column 'colour', which is not in data/train.csv (did you mean 'color'? columns: x1, x2, x3, color, label).")]
    [InlineData("non-numeric", "data/train.csv line 151 (row 150), column 'x1': 'abc' is not a number, but the column is numeric")]
    [InlineData("empty", "data/train.csv has a header but no data rows; there is nothing to train or evaluate on.")]
    [InlineData("one-class", "data/train.csv: the binary label 'label' has only one class ('yes') in 300 rows; a classifier needs at least two classes to learn from.")]
    [InlineData("too-few-rows", "data/train.csv has only 2 labelled row(s); training and evaluating a model needs at least 10. Add rows.")]
    [InlineData("no-rows-left-to-train-on", "mlops.yml line 5: only 1 of the 10 rows of data/train.csv are left to train on after holding out 0.9 of them for evaluation; a model needs at least 10. Lower 'split', add rows, or set 'test' to a separate evaluation file.")]
    [InlineData("unknown-trainer", "mlops.yml line 7: unknown trainer 'xgboost' for a binary model. Valid trainers: averagedperceptron, fastforest, fasttree, gam, lbfgs, lightgbm, sdca.")]
    [InlineData("unknown-parameter", "mlops.yml line 10: trainer 'fasttree' has no parameter 'numberOfLeafs'. Valid parameters: ")]
    [InlineData("invalid-yaml", "mlops.yml line 4, column 8: invalid YAML: ")]
    [InlineData("unknown-key-column", "mlops.yml line 9: key column 'customer_id' is not in data/train.csv (columns: x1, x2, x3, color, label). Name columns that identify a row, or remove 'key' to split by the whole row.")]
    [InlineData("unclosed-flow-mapping", "mlops.yml line 5, column 9: invalid YAML: the flow mapping '{' opened here is not closed with '}'.")]
    [InlineData("unknown-key", "mlops.yml line 9: unknown key 'lable' under 'model' (did you mean 'label'?).")]
    public async Task Bad_input_exits_2_naming_the_problem_and_records_no_finished_run(string problem, string message)
    {
        var (csv, spec) = BadInput(problem, SyntheticData.Binary(300, 2));
        await _cli.CommitDataAsync(csv);
        _cli.WriteSpec(spec);

        var train = await _cli.RunAsync("train", "--ref", "main", "--json");
        var list = await _cli.RunAsync("runs", "list", "--json");

        Assert.True(train.ExitCode == 2, train.ToString());
        Assert.StartsWith("error: " + message, train.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("..", train.Error, StringComparison.Ordinal);
        using (var error = JsonDocument.Parse(train.Out))
            Assert.Equal((train.Error.Trim()["error: ".Length..], 2), (Text(error.RootElement, "error"), error.RootElement.GetProperty("exitCode").GetInt32()));
        Assert.True(list.ExitCode == 0, list.ToString());
        using var runs = JsonDocument.Parse(list.Out);
        foreach (var run in runs.RootElement.EnumerateArray())
        {
            Assert.Equal("failed", Text(run, "status"));
            Assert.Equal(train.Error.Trim()["error: ".Length..], Text(run, "error"));
            Assert.Equal(JsonValueKind.Null, run.GetProperty("modelHash").ValueKind);
        }

        Assert.False(Directory.Exists(_cli.Artifacts), "no model file was stored");
    }

    [Fact]
    public async Task Two_training_processes_on_the_same_commit_spec_and_seed_register_the_same_model_blob()
    {
        await _cli.CommitDataAsync(SyntheticData.Binary(400, 5));
        var spec = Spec.Replace("trainer: fasttree", "trainer: lightgbm", StringComparison.Ordinal);
        _cli.WriteSpec(spec);

        using var first = await _cli.TrainAsync();
        using var second = await _cli.TrainAsync();
        _cli.WriteSpec(spec.Replace("seed: 3", "seed: 4", StringComparison.Ordinal));
        using var otherSeed = await _cli.TrainAsync();

        var ids = new[] { first, second, otherSeed }.Select(r => Text(r.RootElement, "id")).ToList();
        Assert.Equal((1, true), await _cli.RegisterAsync(ids[0]));
        Assert.Equal((2, true), await _cli.RegisterAsync(ids[1]));
        Assert.Equal((3, true), await _cli.RegisterAsync(ids[2]));
        using var model = JsonDocument.Parse((await _cli.RunAsync("models", "show", "churn", "--json")).Out);
        var versions = model.RootElement.GetProperty("versions").EnumerateArray().ToList();
        var hashes = versions.Select(v => Text(v, "modelHash")).ToList();
        Assert.Equal(ids, versions.Select(v => Text(v, "runId")));
        Assert.Equal(hashes[0], hashes[1]);
        Assert.Equal(Text(versions[0], "specHash"), Text(versions[1], "specHash"));
        Assert.Equal(Metrics(versions[0]), Metrics(versions[1]));
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.Equal(hashes.Distinct().Order(StringComparer.Ordinal), Directory.GetFiles(_cli.Artifacts).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>The data and spec of one bad-input case, made from good data and <see cref="Spec"/>.</summary>
    private static (string Csv, string Spec) BadInput(string problem, string csv) => problem switch
    {
        "missing-label" => (csv, Spec.Replace("label: label", "label: churned", StringComparison.Ordinal)),
        "unknown-column" => (csv, Spec + "  categorical: [colour]\n"),
        "non-numeric" => (string.Join('\n', csv.Split('\n').Select((line, i) => i == 150 ? "abc" + line[line.IndexOf(',', StringComparison.Ordinal)..] : line)), Spec),
        "empty" => ("x1,x2,x3,color,label\n", Spec),
        "one-class" => (csv.Replace(",no\n", ",yes\n", StringComparison.Ordinal), Spec),
        "too-few-rows" => (string.Join('\n', csv.Split('\n').Take(3)) + "\n", Spec),
        "no-rows-left-to-train-on" => (string.Join('\n', csv.Split('\n').Take(11)) + "\n", Spec.Replace("data/train.csv }", "data/train.csv, split: 0.9 }", StringComparison.Ordinal)),
        "unknown-trainer" => (csv, Spec.Replace("trainer: fasttree", "trainer: xgboost", StringComparison.Ordinal)),
        "unknown-parameter" => (csv, Spec + "  params:\n    numberOfLeafs: 3\n"),
        "invalid-yaml" => (csv, Spec.Replace("  task: binary", "   task: binary", StringComparison.Ordinal)),
        "unclosed-flow-mapping" => (csv, Spec.Replace("{ train: data/train.csv }", "{ train: data/train.csv", StringComparison.Ordinal)),
        "unknown-key" => (csv, Spec + "  lable: y\n"),
        "unknown-key-column" => (csv, Spec + "  key: [customer_id]\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case"),
    };

    private async Task AssertRunsListAndShowTheRunAsync(JsonElement run, string otherId, string commit)
    {
        var id = Text(run, "id");
        var list = await _cli.RunAsync("runs", "list", "--json");
        var listText = await _cli.RunAsync("runs", "list", "--model", "churn");
        var show = await _cli.RunAsync("runs", "show", id, "--json");
        var showText = await _cli.RunAsync("runs", "show", id);

        using var runs = JsonDocument.Parse(list.Out);
        Assert.Equal(new[] { id, otherId }.Order(StringComparer.Ordinal), runs.RootElement.EnumerateArray().Select(r => Text(r, "id")).Order(StringComparer.Ordinal));
        var listed = runs.RootElement.EnumerateArray().Single(r => Text(r, "id") == id);
        Assert.Equal(
            ("finished", Text(run, "dataCommit"), Text(run, "specHash"), Text(run, "modelHash")),
            (Text(listed, "status"), Text(listed, "dataCommit"), Text(listed, "specHash"), Text(listed, "modelHash")));
        Assert.Equal(Metrics(run), Metrics(listed));
        Assert.Matches($@"(?m)^{id}\s+churn\s+finished\s+.*main@{commit}\s+auc 0\.\d+", listText.Out);
        using var shown = JsonDocument.Parse(show.Out);
        Assert.Equal(run.GetRawText(), shown.RootElement.GetRawText());
        Assert.Contains($"run {id}  churn  finished", showText.Out, StringComparison.Ordinal);
        Assert.Contains($"data: main @ {commit}", showText.Out, StringComparison.Ordinal);
        Assert.Contains($"model: {Text(run, "modelHash")}  spec: {Text(run, "specHash")[..12]}", showText.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  auc\s+0\.\d+$", showText.Out);
    }

    private async Task AssertRegisteringIsIdempotentAndAnAliasNamesAVersionAsync(string id1, string id2, string modelHash)
    {
        Assert.Equal((1, true), await _cli.RegisterAsync(id1));
        Assert.Equal((1, false), await _cli.RegisterAsync(id1));
        var againText = await _cli.RunAsync("models", "register", id1);
        Assert.Equal((2, true), await _cli.RegisterAsync(id2));
        var alias = await _cli.RunAsync("models", "alias", "churn", "champion", "1", "--json");
        var show = await _cli.RunAsync("models", "show", "churn", "--json");
        var list = await _cli.RunAsync("models", "list", "--json");
        var listText = await _cli.RunAsync("models", "list");

        Assert.Contains($"Run {id1} is already registered as churn:1; nothing changed.", againText.Out, StringComparison.Ordinal);
        Assert.True(alias.ExitCode == 0, alias.ToString());
        using var moved = JsonDocument.Parse(alias.Out);
        Assert.Equal((1, JsonValueKind.Null), (moved.RootElement.GetProperty("version").GetInt32(), moved.RootElement.GetProperty("previous").ValueKind));
        using var model = JsonDocument.Parse(show.Out);
        var versions = model.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(new[] { (1, id1), (2, id2) }, versions.Select(v => (v.GetProperty("version").GetInt32(), Text(v, "runId"))));
        Assert.Equal(modelHash, Text(versions[0], "modelHash"));
        var champion = Assert.Single(model.RootElement.GetProperty("aliases").EnumerateArray());
        Assert.Equal(("champion", 1), (Text(champion, "alias"), champion.GetProperty("version").GetInt32()));
        using var models = JsonDocument.Parse(list.Out);
        var churn = Assert.Single(models.RootElement.EnumerateArray());
        Assert.Equal(("churn", 2, 2, 1), (Text(churn, "name"), churn.GetProperty("versions").GetInt32(), churn.GetProperty("latest").GetInt32(), churn.GetProperty("aliases").GetProperty("champion").GetInt32()));
        Assert.Matches(@"(?m)^churn\s+2 version\(s\), latest 2\s+@champion=1$", listText.Out);
    }

    private async Task AssertEvaluatingThroughTheAliasReproducesTheRunAsync(JsonElement run)
    {
        var evaluate = await _cli.RunAsync("evaluate", "--model", "churn@champion", "--ref", "main", "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        using var evaluation = JsonDocument.Parse(evaluate.Out);
        var result = evaluation.RootElement;
        Assert.Equal((Text(run, "id"), 1, Text(run, "modelHash")), (Text(result, "run"), result.GetProperty("version").GetInt32(), Text(result, "modelHash")));
        Assert.Equal(run.GetProperty("testRows").GetInt32(), result.GetProperty("rows").GetInt32());
        Assert.Equal(run.GetProperty("metrics").GetProperty("auc").GetDouble(), result.GetProperty("metrics").GetProperty("auc").GetDouble(), 9);
        Assert.Equal($"evaluation: {run.GetProperty("testRows").GetInt32():N0} rows, 0 seen in training by the model", Text(result.GetProperty("evaluation"), "line"));
    }

    private async Task AssertComparingGivesDeltasIntervalsAndVerdictsAsync(string baselineId, JsonElement candidate)
    {
        var compare = await _cli.RunAsync("runs", "compare", baselineId, Text(candidate, "id"), "--json");
        var compareText = await _cli.RunAsync("runs", "compare", baselineId, Text(candidate, "id"));
        var gate = await _cli.RunAsync("gate", "--run", Text(candidate, "id"), "--baseline", baselineId, "--json");

        Assert.True(compare.ExitCode == 0, compare.ToString());
        using var comparison = JsonDocument.Parse(compare.Out);
        Assert.Equal((baselineId, Text(candidate, "id")), (Text(comparison.RootElement, "baseline"), Text(comparison.RootElement, "candidate")));
        var body = comparison.RootElement.GetProperty("comparison");
        Assert.Equal((1000, candidate.GetProperty("testRows").GetInt32(), true), (body.GetProperty("resamples").GetInt32(), body.GetProperty("rows").GetInt32(), body.GetProperty("gatesPassed").GetBoolean()));
        using var gated = JsonDocument.Parse(gate.Out);
        Assert.Equal($"evaluation: {body.GetProperty("rows").GetInt32():N0} rows, 0 seen in training by either model", Text(gated.RootElement.GetProperty("evaluation"), "line"));
        var evaluation = comparison.RootElement.GetProperty("evaluation");
        Assert.Equal((body.GetProperty("rows").GetInt32(), 0), (evaluation.GetProperty("rows").GetInt32(), evaluation.GetProperty("leftOut").GetInt32()));
        Assert.All(evaluation.GetProperty("models").EnumerateArray(), m => Assert.Equal(0, m.GetProperty("seenInTraining").GetInt32()));
        Assert.Contains($"evaluation: {body.GetProperty("rows").GetInt32():N0} rows, 0 seen in training by either model\n", compareText.Out, StringComparison.Ordinal);
        var metrics = body.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Contains(metrics, m => Text(m, "metric") == "auc");
        foreach (var m in metrics)
        {
            var (baseline, value, delta) = (m.GetProperty("baseline").GetDouble(), m.GetProperty("candidate").GetDouble(), m.GetProperty("delta").GetDouble());
            var (low, high, higher) = (m.GetProperty("ciLow").GetDouble(), m.GetProperty("ciHigh").GetDouble(), m.GetProperty("higherIsBetter").GetBoolean());
            Assert.Equal(value - baseline, delta, 9);
            Assert.True(low <= high, m.GetRawText());
            var verdict = low > 0 ? (higher ? "better" : "worse") : high < 0 ? (higher ? "worse" : "better") : "no significant change";
            Assert.Equal(verdict, Text(m, "verdict"));
        }

        var trees = comparison.RootElement.GetProperty("params").EnumerateArray().Single(p => Text(p, "name") == "numberOfTrees");
        Assert.Equal((JsonValueKind.Null, "20"), (trees.GetProperty("baseline").ValueKind, trees.GetProperty("candidate").GetString()));
        Assert.Contains("95% CI", compareText.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^auc\s+0\.\d+\s+0\.\d+\s+[+-][\d.]+\s+\[-?[\d.]+, -?[\d.]+\]\s+(better|worse|no significant change)$", compareText.Out);
    }

    private async Task AssertExportWritesTheRegisteredBlobAndOnnxAsync(string modelHash)
    {
        var export = await _cli.RunAsync("models", "export", "churn:1", "out.zip", "--json");
        var onnx = await _cli.RunAsync("models", "export", "churn@champion", "out.onnx", "--onnx");

        Assert.True(export.ExitCode == 0, export.ToString());
        using var written = JsonDocument.Parse(export.Out);
        Assert.Equal((modelHash, "mlnet"), (Text(written.RootElement, "modelHash"), Text(written.RootElement, "format")));
        var exported = await File.ReadAllBytesAsync(Path.Combine(_cli.Folder, "out.zip"));
        Assert.True(exported.Length > 1000, $"{exported.Length} bytes");
        Assert.Equal("PK"u8.ToArray(), exported[..2]);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_cli.Artifacts, modelHash)), exported);
        Assert.Equal(modelHash, Convert.ToHexStringLower(SHA256.HashData(exported)));
        Assert.True(onnx.ExitCode == 0, onnx.ToString());
        Assert.Contains("churn@champion", onnx.Out, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_cli.Folder, "out.onnx")).Length > 1000);
        Assert.Equal(new[] { "out.onnx", "out.zip" }, Directory.GetFiles(_cli.Folder, "out.*").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }
}
