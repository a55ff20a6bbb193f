using System.Text.Json;
using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>How the command line is read: where options may stand, repeated options, response files, usage errors.</summary>
public sealed class CommandLineSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => InProcessMlops.RunAsync(_temp.Path, args);

    private async Task CommitTwiceAsync()
    {
        _temp.Write("data/a.csv", "x\n1\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "first")).ExitCode);
        _temp.Write("data/a.csv", "x\n2\n");
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "second", "--meta", "pr=7", "--meta", "by=ci")).ExitCode);
    }

    private static JsonElement Json(MlopsProcess.Result result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public async Task An_empty_list_of_runs_or_models_says_how_to_get_one_while_json_stays_an_empty_array()
    {
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);

        var runs = await Mlops("runs", "list");
        var models = await Mlops("models", "list");
        var json = await Mlops("models", "list", "--json");

        Assert.Equal((0, "No runs yet. 'mlops train --ref main' trains one."), (runs.ExitCode, runs.Out.Trim()));
        Assert.Equal(0, models.ExitCode);
        Assert.StartsWith("No models registered yet. 'mlops runs list' shows the runs; 'mlops models register <run-id>'", models.Out, StringComparison.Ordinal);
        Assert.Equal("[]", json.Out.Trim());
    }

    [Fact]
    public async Task Global_options_may_stand_before_the_command_words_or_after_them()
    {
        var store = _temp.Combine("elsewhere");

        var init = await Mlops("--store", store, "data", "init");
        var before = await Mlops("--store", store, "--json", "data", "branch", "list");
        var after = await Mlops("data", "branch", "list", "--json", $"--store={store}");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(Path.Combine(store, "repository.json")));
        Assert.Equal("main", Json(before)[0].GetProperty("name").GetString());
        Assert.Equal(before.Out, after.Out);
    }

    [Fact]
    public async Task A_repeated_option_keeps_its_last_value_and_a_repeatable_one_keeps_every_value()
    {
        await CommitTwiceAsync();

        var log = Json(await Mlops("data", "log", "main", "--max", "5", "--json", "--max=1"));

        var commit = Assert.Single(log.EnumerateArray());
        Assert.Equal("second", commit.GetProperty("message").GetString());
        Assert.Equal("7", commit.GetProperty("metadata").GetProperty("pr").GetString());
        Assert.Equal("ci", commit.GetProperty("metadata").GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_option_value_may_start_with_a_dash_and_a_double_dash_ends_the_options()
    {
        _temp.Write("-data/a.csv", "x\n1\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);

        var commit = await Mlops("data", "commit", "-m", "-- a message that looks like an option", "--", "main", "-data");
        var log = Json(await Mlops("data", "log", "main", "--json"));

        Assert.True(commit.ExitCode == 0, commit.ToString());
        Assert.Equal("-- a message that looks like an option", log[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_response_file_holds_the_arguments_one_or_more_a_line_with_quotes_and_comments()
    {
        _temp.Write("data/a.csv", "x\n1\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        _temp.Write("commit.rsp", "# what CI commits\ndata commit main data\n-m \"from a response file\"\n--meta source=rsp\n");

        var commit = await Mlops("@commit.rsp");
        var log = Json(await Mlops("data", "log", "main", "--json"));

        Assert.True(commit.ExitCode == 0, commit.ToString());
        Assert.Equal("from a response file", log[0].GetProperty("message").GetString());
        Assert.Equal("rsp", log[0].GetProperty("metadata").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_missing_response_file_is_bad_input_naming_the_file()
    {
        var result = await Mlops("@no-such.rsp");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("no-such.rsp", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unknown option '--bogus' for 'mlops data log'.", "data", "log", "main", "--bogus")]
    [InlineData("Missing <ref>.", "data", "log")]
    [InlineData("Option --max needs a value <n>.", "data", "log", "main", "--max")]
    [InlineData("Unexpected argument 'extra'.", "data", "log", "main", "extra")]
    [InlineData("Missing <folder>.", "data", "commit", "main", "-m", "x")]
    public async Task A_usage_error_exits_2_naming_the_option_or_argument_with_the_usage_and_a_pointer_to_help(string message, params string[] args)
    {
        var result = await Mlops(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.StartsWith($"error: {message}\nusage: mlops {args[0]} {args[1]} <", result.Error, StringComparison.Ordinal);
        Assert.Contains($"'mlops {args[0]} {args[1]} --help'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlops data frob", "data", "frob")]
    [InlineData("mlops data", "data")]
    [InlineData("mlops frobnicate", "frobnicate", "--json")]
    public async Task An_unknown_command_exits_2_listing_the_commands_it_may_have_meant(string named, params string[] args)
    {
        var result = await Mlops(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: Unknown command '{named}'.\nCommands:\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("  mlops data commit ", result.Error, StringComparison.Ordinal);
        Assert.Contains("'mlops --help'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: Unknown option '--verison' (did you mean '--version'?).\n'mlops --help' for details.\n", "--verison")]
    [InlineData("error: Unknown option '--frobnicate'.\n'mlops --help' for details.\n", "--json", "--frobnicate")]
    public async Task An_unknown_option_without_a_command_is_named_with_the_option_it_may_have_meant(string error, params string[] args)
    {
        var result = await Mlops(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public async Task Options_without_a_command_say_that_a_command_is_missing_and_list_them()
    {
        var result = await Mlops("--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: No command given.\nCommands:\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("  mlops data commit ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_a_usage_error_is_also_json_on_stdout()
    {
        var result = await Mlops("data", "log", "main", "--json", "--bogus");

        var json = Json(result);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, json.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("Unknown option '--bogus' for 'mlops data log'.\nusage: ", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.EnumerateObject().Count());
    }

    [Fact]
    public async Task A_usage_error_a_command_reports_points_to_its_help_too()
    {
        _temp.Write("data/a.csv", "x\n1\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);

        var result = await Mlops("data", "commit", "main", "data");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: A commit needs a message: -m \"what changed and why\".\nusage: mlops data commit <branch> <folder> [-m|--message <text>]", result.Error, StringComparison.Ordinal);
        Assert.Contains("'mlops data commit --help'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
