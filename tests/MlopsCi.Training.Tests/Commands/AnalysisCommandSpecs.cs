using System.Text.Json;
using MlopsCi.Training.Tests.Support;
using static MlopsCi.Training.Tests.Commands.CliWorkspace;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>'runs show' and 'runs compare' with the error analysis, slices and tests, as a user runs them (the real mlops program).</summary>
public sealed class AnalysisCommandSpecs : IDisposable
{
    private const string Spec = """
        store: file://store
        model:
          name: churn
          task: binary
          data: { train: data/train.csv }
          label: label
          slices: [color]
          trainer: fasttree
          seed: 3

        """;

    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Runs_show_prints_the_confusion_matrix_threshold_curves_and_slices_and_compare_json_has_the_tests()
    {
        await _cli.CommitDataAsync(SyntheticData.Binary(600, 4));
        _cli.WriteSpec(Spec + "  ignore: [x1]\n");
        using var weak = await _cli.TrainAsync();
        _cli.WriteSpec(Spec);
        using var strong = await _cli.TrainAsync();

        var show = await _cli.RunAsync("runs", "show", Text(strong.RootElement, "id"));
        var compare = await _cli.RunAsync("runs", "compare", Text(weak.RootElement, "id"), Text(strong.RootElement, "id"), "--json");

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("confusion matrix (rows: true class, columns: predicted; count and share of the true class):", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n  no +\d+ \(0\.\d+\) +\d+ \(0\.\d+\)\n  yes +\d+ \(0\.\d+\) +\d+ \(0\.\d+\)\n", show.Out);
        Assert.Contains("threshold: positive when score > 0", show.Out, StringComparison.Ordinal);
        Assert.Contains("slices (auc per value):", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"  color=(red|green|blue) +\d+ rows +0\.\d+", show.Out);
        var analysis = strong.RootElement.GetProperty("analysis");
        Assert.Equal(2, analysis.GetProperty("confusion").GetProperty("counts").GetArrayLength());
        Assert.InRange(analysis.GetProperty("roc").GetArrayLength(), 10, 101);
        Assert.True(compare.ExitCode == 0, compare.ToString());
        using var json = JsonDocument.Parse(compare.Out);
        var tests = json.RootElement.GetProperty("comparison").GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(["DeLong", "McNemar (exact)"], tests.Select(t => Text(t, "test")));
        Assert.All(tests, t => Assert.InRange(t.GetProperty("pValue").GetDouble(), 0, 1));
        Assert.Equal("better", Text(tests[0], "verdict"));
        var slices = json.RootElement.GetProperty("slices").EnumerateArray().ToList();
        Assert.Equal(["blue", "green", "red"], slices.Select(s => Text(s, "value")).Order(StringComparer.Ordinal));
        Assert.Equal(2, json.RootElement.GetProperty("confusion").GetProperty("candidate").GetProperty("counts").GetArrayLength());
    }

    public void Dispose() => _cli.Dispose();
}
