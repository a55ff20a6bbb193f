using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class ParameterResolutionSpecs : IDisposable
{
    private readonly TempFolder _root = new(".nuke");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_argument_wins_over_the_environment_and_the_parameters_file()
    {
        _root.Write(".nuke/parameters.json", """{ "Color": "file" }""");

        var run = await RunAsync(["A", "--color", "argument"], new() { ["MLOPS_COLOR"] = "environment" });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ran A with argument", run.Output, StringComparison.Ordinal);
        Assert.Contains("Color = argument (from argument --color)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_wins_over_the_parameters_file()
    {
        _root.Write(".nuke/parameters.json", """{ "Color": "file" }""");

        var run = await RunAsync(["A"], new() { ["MLOPS_COLOR"] = "environment" });

        Assert.Contains("ran A with environment", run.Output, StringComparison.Ordinal);
        Assert.Contains("(from environment MLOPS_COLOR)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parameters_file_may_name_its_schema_and_set_numbers()
    {
        _root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Color": "file", "Count": 3 }""");

        var run = await RunAsync(["Paint"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ran Paint with file", run.Output, StringComparison.Ordinal);
        Assert.Contains("Count = 3 (from .nuke/parameters.json)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parameters_file_applies_when_nothing_else_sets_a_value()
    {
        _root.Write(".nuke/parameters.json", """{ "Color": "file" }""");

        var run = await RunAsync(["A"]);

        Assert.Contains("ran A with file", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_set_nowhere_keeps_its_default()
    {
        var run = await RunAsync(["A"]);

        Assert.Contains("ran A with grey", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MLOPS_COLOR")]
    [InlineData("NUKE_COLOR")]
    [InlineData("Color")]
    public async Task Each_documented_environment_name_is_read(string variable)
    {
        var run = await RunAsync(["A"], new() { [variable] = "from-env" });

        Assert.Contains("ran A with from-env", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_MLOPS_variable_wins_over_the_Nuke_names_and_an_empty_one_counts_as_unset()
    {
        var first = await RunAsync(["A"], new() { ["MLOPS_COLOR"] = "ours", ["NUKE_COLOR"] = "nuke", ["Color"] = "member" });
        var second = await RunAsync(["A"], new() { ["MLOPS_COLOR"] = "", ["NUKE_COLOR"] = "nuke" });

        Assert.Contains("ran A with ours", first.Output, StringComparison.Ordinal);
        Assert.Contains("ran A with nuke", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-on=X")]
    [InlineData("--FailOn")]
    [InlineData("--fail_on")]
    public async Task Parameter_names_match_ignoring_case_dashes_and_underscores(string spelling)
    {
        string[] args = spelling.Contains('=', StringComparison.Ordinal) ? ["A", spelling] : ["A", spelling, "X"];

        var run = await RunAsync(args);

        Assert.Contains("FailOn = X (from argument --fail-on)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_value_is_refused_naming_where_it_came_from()
    {
        var run = await RunAsync(["A"], new() { ["MLOPS_COUNT"] = "many" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--count expects an integer, but environment MLOPS_COUNT gives 'many'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_in_the_parameters_file_is_refused_with_the_valid_names()
    {
        _root.Write(".nuke/parameters.json", """{ "Colour": "red" }""");

        var run = await RunAsync(["A"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".nuke/parameters.json sets 'Colour', which is not a parameter here. Valid parameters: Color, Continue, Count, FailOn.", run.Error, StringComparison.Ordinal);
    }

    private Task<HostRun> RunAsync(string[] args, Dictionary<string, string>? environment = null) =>
        HostRun.RunAsync<ChainBuild>(_root.Path, args, x => x.A, environment);
}
