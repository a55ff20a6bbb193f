using MlopsCi.Cli.Hosting;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>
/// <see cref="ParsedArguments.Parse"/>: the arguments <c>mlops action</c> builds for the pr and retrain commands it
/// runs in-process, read the way the handlers read them.
/// </summary>
public sealed class ParsedArgumentsSpecs
{
    private static CommandSpec Command(string name) => MlopsCli.Commands.Single(c => c.Name == name);

    [Fact]
    public void The_options_and_global_options_given_are_read_back_and_the_rest_is_absent()
    {
        var args = ParsedArguments.Parse(Command("retrain"), ["--json", "--spec", "ci/mlops.yml", "--store", "s3://bucket/data", "--s3-endpoint", "http://127.0.0.1:9000"]);

        Assert.Equal("retrain", args.Command.Name);
        Assert.True(args.Flag("json"));
        Assert.Equal("ci/mlops.yml", args.Option("spec"));
        Assert.Equal("s3://bucket/data", args.Option("store"));
        Assert.Equal("http://127.0.0.1:9000", args.Option("s3-endpoint"));
        Assert.Null(args.Option("ref"));
        Assert.Empty(args.Options("alias"));
        Assert.False(args.Flag("help"));
        Assert.Equal(3, args.IntOption("no-such-option", 3));
    }

    [Fact]
    public void Positional_arguments_are_read_by_name_and_an_optional_one_may_be_absent()
    {
        var both = ParsedArguments.Parse(Command("data ls"), ["main", "sub/"]);
        var one = ParsedArguments.Parse(Command("data ls"), ["main"]);

        Assert.Equal(("main", "sub/"), (both.Argument("ref"), both.OptionalArgument("prefix")));
        Assert.Null(one.OptionalArgument("prefix"));
        Assert.Equal("Missing <prefix>.", Assert.Throws<UsageException>(() => one.Argument("prefix")).Message.Split('\n')[0]);
    }

    [Fact]
    public void A_whole_number_option_refuses_anything_else_with_exit_2()
    {
        var args = ParsedArguments.Parse(Command("data log"), ["main", "--max", "many"]);

        var error = Assert.Throws<UsageException>(() => args.IntOption("max", 50));

        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith("--max takes a whole number ≥ 0, not 'many'.\nusage: mlops data log <ref> [--max <n>]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_the_command_does_not_take_are_a_usage_error_and_no_response_file_is_read()
    {
        var unknown = Assert.Throws<UsageException>(() => ParsedArguments.Parse(Command("pr sync"), ["--store", "s", "--bogus"]));
        var atSign = Assert.Throws<UsageException>(() => ParsedArguments.Parse(Command("retrain"), ["@settings.rsp"]));

        Assert.StartsWith("Unknown option '--bogus' for 'mlops pr sync'.", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith("Unexpected argument '@settings.rsp'.", atSign.Message, StringComparison.Ordinal);
    }
}
