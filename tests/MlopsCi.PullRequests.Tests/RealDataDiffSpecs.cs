using System.Globalization;
using MlopsCi.Config.Specs;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Versioning;
using MlopsCi.MLNet;
using MlopsCi.Testing;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// The comment's data section on real data (vega-datasets seattle-weather keyed by date through <c>data.keys</c> in the
/// PR flow; flights keyed by date, origin and destination), its counts checked against a dictionary diff computed here.
/// </summary>
public sealed class RealDataDiffSpecs : IDisposable
{
    private const string Head = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_pull_request_comment_shows_the_keyed_seattle_weather_diff_with_exact_counts()
    {
        var lines = await File.ReadAllLinesAsync(TestData.PackageFile("seattle-weather.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var edited = new List<string[]>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i is >= 200 and < 210)
                continue;
            var row = (string[])rows[i].Clone();
            if (i % 40 == 9)
                row[2] = (double.Parse(row[2], CultureInfo.InvariantCulture) + 0.5).ToString(CultureInfo.InvariantCulture);
            if (i % 91 == 3)
                row[5] = row[5] == "rain" ? "sun" : "rain";
            edited.Add(row);
        }

        edited.AddRange(Enumerable.Range(1, 5).Select(d => new[] { $"2016-01-0{d}", "1.5", "8.0", "2.0", "3.1", "rain" }));
        _temp.Write("main/seattle-weather.csv", string.Join('\n', lines) + "\n");
        _temp.Write("checkout/data/seattle-weather.csv", string.Join(',', header) + "\n" + string.Join('\n', edited.Select(r => string.Join(',', r))) + "\n");
        _temp.Write("checkout/mlops.yml", """
            data:
              path: data
              prefix: weather
              keys:
                "weather/*.csv": [date]
            model:
              name: seattle-weather
              task: multiclass
              data:
                train: weather/seattle-weather.csv
                split: 0.2
              label: weather
              time-column: date
              trainer: lightgbm
              seed: 1
            """);
        var repository = await NewRepositoryAsync();
        await repository.CommitFolderAsync("main", _temp.Combine("main"), "weather", "2012–2015", new Dictionary<string, string>(), NoProgress.Instance, CancellationToken.None);
        var info = new PullRequestInfo(4, "Fix readings", Head, "data/fix", "main", "open", false, "monalisa", false, new Uri("https://github.com/octo-org/weather/pull/4"));
        var flow = new PullRequestFlow(repository, new DryRunPullRequestHost(info, [], ReportFile), new ModelPipeline(repository, new MlNetTrainer()), new RecordingOutput());
        var context = new PullRequestContext(4, Head, "octo-org/weather", MlopsSpecParser.Parse(File.ReadAllText(_temp.Combine("checkout", "mlops.yml"))), _temp.Combine("checkout"));

        var sync = await flow.SyncAsync(context, CancellationToken.None);

        var expected = ExpectedRowDiff.Compute(header, rows, edited, [0]);
        Assert.Equal((5, 10), (expected.Added, expected.Removed));
        var comment = await File.ReadAllTextAsync(ReportFile);
        var columns = string.Join(", ", expected.Cells.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"`{c.Key}` {c.Value}"));
        Assert.Contains($"| `weather/seattle-weather.csv` | modified | 1,461 → 1,456 | +5 / −10 / ~{expected.Modified} | {columns} |", comment, StringComparison.Ordinal);
        Assert.Contains($"**+5** / **−10** / **~{expected.Modified}** rows", comment, StringComparison.Ordinal);
        Assert.Contains($"<summary>Modified rows of <code>weather/seattle-weather.csv</code> (key <code>date</code>): first 5 of {expected.Modified}, old → new</summary>", comment, StringComparison.Ordinal);
        Assert.Contains($"| `2012-01-04` | `weather`: `{rows[3][5]}` → `{edited[3][5]}` |", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("compared as whole records", comment, StringComparison.Ordinal);
        Assert.Equal(expected.Modified, sync.Report!.DataDiff!.RowsModified);
    }

    [Fact]
    public async Task The_data_section_shows_the_flights_diff_by_a_composite_key_with_exact_counts_and_duplicate_keys()
    {
        var flights = FlightRows.Load();
        string[] header = ["date", "delay", "distance", "origin", "destination"];
        var keyCounts = flights.GroupBy(f => (f[0], f[3], f[4])).ToDictionary(g => g.Key, g => g.Count());
        var edited = new List<string[]>();
        for (var i = 0; i < flights.Count; i++)
        {
            var row = (string[])flights[i].Clone();
            if (i % 2500 == 17)
                continue;
            if (i % 150 == 8 && keyCounts[(row[0], row[3], row[4])] == 1)
                row[1] = (int.Parse(row[1], CultureInfo.InvariantCulture) - 4).ToString(CultureInfo.InvariantCulture);
            if (i % 700 == 8 && keyCounts[(row[0], row[3], row[4])] == 1)
                row[2] = (int.Parse(row[2], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            edited.Add(row);
        }

        edited.Add(["2001/04/01 00:00", "3", "300", "SEA", "PDX"]);
        _temp.Write("v1/flights/flights.csv", Csv(header, flights));
        _temp.Write("v2/flights/flights.csv", Csv(header, edited));
        var repository = await NewRepositoryAsync();
        var main = (await repository.CommitFolderAsync("main", _temp.Combine("v1"), "", "flights", new Dictionary<string, string>(), NoProgress.Instance, CancellationToken.None)).Commit;
        await repository.CreateBranchAsync("pr-9", "main", CancellationToken.None);
        var head = (await repository.CommitFolderAsync("pr-9", _temp.Combine("v2"), "", "edited flights", new Dictionary<string, string>(), NoProgress.Instance, CancellationToken.None)).Commit;
        var keys = new TableKeys([new("flights/*.csv", ["date", "origin", "destination"])]);

        var section = await DataDiffBuilder.BuildAsync(repository, main, head, new DataDiffOptions { Keys = keys }, CancellationToken.None);
        var comment = ReportMarkdown.Render(new PullRequestReport("flights", 9, null, section, null, null, [],
            new ReportLineage("main", "pr-9", main.Id, head.Id, Head, null, null, null, null, null, null), ReportOutcome.Pending));

        var expected = ExpectedRowDiff.Compute(header, flights, edited, [0, 3, 4]);
        var columns = string.Join(", ", expected.Cells.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"`{c.Key}` {c.Value}"));
        Assert.Equal(2, expected.Cells.Count);
        Assert.Contains($"| `flights/flights.csv` | modified | {flights.Count:N0} → {edited.Count:N0} | +{expected.Added} / −{expected.Removed} / ~{expected.Modified} | {columns} |", comment, StringComparison.Ordinal);
        Assert.Contains("(key <code>date</code>, <code>origin</code>, <code>destination</code>): first 5 of", comment, StringComparison.Ordinal);
        var duplicates = edited.Count - edited.Select(r => (r[0], r[3], r[4])).Distinct().Count();
        Assert.True(duplicates > 0);
        Assert.Contains($"`flights/flights.csv`: {duplicates} rows of the pull request's version repeat an earlier row's key", comment, StringComparison.Ordinal);
    }

    private string ReportFile => _temp.Combine("report.md");

    private async Task<Repository> NewRepositoryAsync() =>
        (await Repository.InitAsync(new LocalFolderStore(_temp.Combine("store")), "main", new RepositoryOptions(TimeProvider.System, "test"), CancellationToken.None)).Repository;

    private static string Csv(string[] header, List<string[]> rows) => string.Join(',', header) + "\n" + string.Join('\n', rows.Select(r => string.Join(',', r))) + "\n";
}
