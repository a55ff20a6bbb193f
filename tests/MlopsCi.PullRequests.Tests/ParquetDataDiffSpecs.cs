using MlopsCi.Core.Tests;
using Parquet.Serialization;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// The comment's keyed row diff of a Parquet table, through the real program: the flow gets the Parquet reader from
/// the composition root, as <c>mlops data diff --rows</c> and the hooks do.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ParquetDataDiffSpecs
{
    [Fact]
    public async Task A_pull_request_that_edits_a_keyed_parquet_table_shows_added_removed_and_modified_rows_in_the_comment()
    {
        await using var s = await StartAsync();
        var stations = Enumerable.Range(1, 300).Select(i => new Station { Id = i, Name = $"station-{i}", Elevation = 10.0 * i }).ToList();
        var edited = stations.Where(r => r.Id % 50 != 0) // 6 removed
            .Select(r => r.Id % 25 == 1 ? new Station { Id = r.Id, Name = r.Name, Elevation = r.Elevation + 1 } : r) // 12 modified
            .Concat(Enumerable.Range(301, 4).Select(i => new Station { Id = i, Name = $"station-{i}", Elevation = 1.0 })) // 4 added
            .ToList();
        using var main = new TempFolder();
        main.Write("customers.csv", ChurnData.Csv(1, 500));
        await WriteParquetAsync(main.Combine("stations.parquet"), stations);
        Assert.Equal(0, (await s.MlopsAsync("data", "commit", "main", main.Path, "--prefix", "churn", "-m", "stations")).ExitCode);
        await WriteParquetAsync(Path.Combine(s.Checkout, "data", "stations.parquet"), edited);
        s.WriteCheckout("mlops.yml", s.ReadCheckout("mlops.yml").Replace("  prefix: churn\n", "  prefix: churn\n  keys:\n    \"churn/*.parquet\": [Id]\n", StringComparison.Ordinal));
        s.OpenPullRequest(1, Sha1);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        var comment = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("| `churn/stations.parquet` | modified | 300 → 298 | +4 / −6 / ~12 | `Elevation` 12 |", comment, StringComparison.Ordinal);
        Assert.Contains("<summary>Modified rows of <code>churn/stations.parquet</code> (key <code>Id</code>)", comment, StringComparison.Ordinal);
        Assert.Contains("| `1` | `Elevation`: `10` → `11` |", comment, StringComparison.Ordinal);
    }

    private static async Task WriteParquetAsync(string path, IReadOnlyList<Station> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await ParquetSerializer.SerializeAsync(rows, file);
    }

    private sealed class Station
    {
        public int Id { get; init; }

        public string Name { get; init; } = "";

        public double Elevation { get; init; }
    }
}
