using System.Text.Json;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// <c>mlops pr</c> on what real repositories send: a base branch named master, a spec with a YAML slip, a pull request
/// adding 1,500 files; <c>--json</c> keeps stdout JSON for every outcome.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PayloadShapeSpecs
{
    [Fact]
    public async Task A_pull_request_into_master_exits_0_with_json_saying_why()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);

        var auto = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1, baseRef: "master"), "auto", "--json");

        Assert.True(auto.ExitCode == 0, auto.ToString());
        using var json = JsonDocument.Parse(auto.Out);
        Assert.Equal(("none", 0), (json.RootElement.GetProperty("command").GetString(), json.RootElement.GetProperty("exitCode").GetInt32()));
        Assert.Contains("targets 'master', not the data repository's default branch 'main'", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(s.Comments(1));
    }

    [Fact]
    public async Task With_json_an_error_is_json_on_stdout_with_its_exit_code()
    {
        await using var s = await StartAsync();

        var sync = await s.MlopsAsync("pr", "sync", "--json");

        Assert.True(sync.ExitCode == 2, sync.ToString());
        using var json = JsonDocument.Parse(sync.Out);
        Assert.StartsWith("Which pull request?", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task An_unclosed_flow_mapping_in_the_spec_exits_2_with_file_line_and_column()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);
        s.WriteCheckout("mlops.yml", "model:\n  name: churn\n  task: binary\n  data: { train: churn/customers.csv\n  label: churned\n");

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync", "--json");

        Assert.True(sync.ExitCode == 2, sync.ToString());
        Assert.DoesNotContain("Unhandled exception", sync.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(sync.Out);
        Assert.StartsWith("mlops.yml line 4, column 9: invalid YAML: the flow mapping '{' opened here is not closed with '}'", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_totals_over_1500_added_files_are_exact_and_the_largest_change_is_listed_first()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);
        for (var i = 1; i <= 1500; i++)
            s.WriteCheckout($"data/shops/shop-{i:D4}.csv", ChurnData.Csv(100 + i, 3));

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        var comment = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("1,501 files changed (1,500 added, 1 modified) · **+5,000** / **−0** rows", comment, StringComparison.Ordinal);
        var firstRow = comment.Split('\n').SkipWhile(l => !l.StartsWith("| File |", StringComparison.Ordinal)).ElementAt(2);
        Assert.StartsWith($"| `{DataFile}` | modified | 500 → 1,000 | +500 / −0 |", firstRow, StringComparison.Ordinal);
    }
}
