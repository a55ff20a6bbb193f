using System.Text.Json;
using MlopsCi.Cli.Tests;
using MlopsCi.Core.Tests;

namespace MlopsCi.Hooks.Tests;

/// <summary>The hooks through the real <c>mlops</c> program: exit codes, messages, annotations, validate and runs.</summary>
public sealed class ProcessSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => MlopsProcess.RunAsync(_temp.Path, args);

    private async Task<MlopsProcess.Result> OnActionsAsync(params string[] args) =>
        await MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, args, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }));

    private async Task InitWithRulesAsync()
    {
        _temp.Write("data/_mlops/hooks.yml", ConfigParserSpecs.IssueExample);
        _temp.Write("data/trips/jan.csv", "id,fare_amount\n1,10\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "rules")).ExitCode);
    }

    [Fact]
    public async Task The_example_of_the_issue_blocks_a_bad_commit_naming_every_failing_hook_and_the_rows()
    {
        await InitWithRulesAsync();
        _temp.Write("data/trips/feb.csv", "id,fare_amount\n1,12\n2,-4\n3,\n4,1500\n");

        var commit = await Mlops("data", "commit", "main", "data", "-m", "bad");
        var log = await Mlops("data", "log", "main", "--json");

        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("pre-commit hook(s) failed on 'main': fare-present, fare-range", commit.Error, StringComparison.Ordinal);
        Assert.Contains("trips/feb.csv, column fare_amount: 1 row is null: row 3: null", commit.Error, StringComparison.Ordinal);
        Assert.Contains("trips/feb.csv, column fare_amount: 2 rows are not a number between 0 and 1000: row 2: \"-4\", row 4: \"1500\"", commit.Error, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(log.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task On_GitHub_Actions_each_finding_is_an_escaped_error_annotation_on_its_file()
    {
        await InitWithRulesAsync();
        _temp.Write("data/trips/odd,name:1.csv", "id,fare_amount\n1,5%\n");

        var commit = await OnActionsAsync("data", "commit", "main", "data", "-m", "bad");

        Assert.Equal(1, commit.ExitCode);
        Assert.Contains(
            "::error file=trips/odd%2Cname%3A1.csv,line=2,title=pre-commit hook fare-range failed::fare-range: trips/odd,name:1.csv, column fare_amount: 1 row is not a number between 0 and 1000: row 1: \"5%25\"",
            commit.Error.Split('\n'));
    }

    [Fact]
    public async Task Bad_configuration_in_the_rules_exits_2_naming_the_file_and_line()
    {
        await InitWithRulesAsync();
        _temp.Write("data/_mlops/hooks/more.yml", "on: { pre-commit: }\nhooks:\n  - id: shape\n    type: schema\n    properties: { columns: { id: integr } }\n");

        var commit = await Mlops("data", "commit", "main", "data", "-m", "more rules");

        Assert.Equal(2, commit.ExitCode);
        Assert.Contains("_mlops/hooks/more.yml line 5: unknown column type 'integr' for column 'id' (did you mean 'integer'?)", commit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_runs_the_hooks_on_demand_on_the_change_or_the_whole_ref()
    {
        _temp.Write("data/trips/old.csv", "id,fare_amount\n1,-1\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "old data")).ExitCode);
        _temp.Write("data/_mlops/hooks.yml", ConfigParserSpecs.IssueExample);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "rules")).ExitCode);

        var change = await Mlops("data", "validate", "main");
        var whole = await Mlops("data", "validate", "main", "--all", "--json");
        var merge = await Mlops("data", "validate", "main", "--all", "--event", "pre-merge", "--branch", "pr-1");

        Assert.Equal(0, change.ExitCode);
        Assert.Contains("2 passed, 0 failed", change.Out, StringComparison.Ordinal);
        Assert.Equal(1, whole.ExitCode);
        var run = JsonDocument.Parse(whole.Out).RootElement;
        Assert.False(run.GetProperty("passed").GetBoolean());
        Assert.Equal("pre-commit", run.GetProperty("event").GetString());
        Assert.Equal("trips/old.csv", run.GetProperty("results")[1].GetProperty("findings")[0].GetProperty("file").GetString());
        Assert.Contains("error: 1 hook(s) failed: fare-range.", whole.Error, StringComparison.Ordinal);
        Assert.Equal(0, merge.ExitCode);
        Assert.Contains("No pre-merge hooks apply to 'pr-1'", merge.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hooks_runs_shows_the_recorded_results_of_a_branch()
    {
        await InitWithRulesAsync();
        _temp.Write("data/trips/feb.csv", "id,fare_amount\n1,-4\n");
        Assert.Equal(1, (await Mlops("data", "commit", "main", "data", "-m", "bad")).ExitCode);

        var text = await Mlops("data", "hooks", "runs", "main");
        var json = await Mlops("data", "hooks", "runs", "main", "--json");
        var none = await Mlops("data", "hooks", "runs", "pr-9");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("pre-commit  FAILED", text.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL  fare-range (range, _mlops/hooks.yml line 9)", text.Out, StringComparison.Ordinal);
        var runs = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(1, runs.GetArrayLength());
        Assert.Equal(1, runs[0].GetProperty("results")[1].GetProperty("findings")[0].GetProperty("offendingRows").GetInt64());
        Assert.Contains("No hook runs recorded for 'pr-9'", none.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
