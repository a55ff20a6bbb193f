using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>What <c>--help</c>, <c>help</c> and <c>--version</c> print; the help comes from the commands' declarations.</summary>
public sealed class HelpSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => InProcessMlops.RunAsync(_temp.Path, args);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task The_help_lists_every_command_with_its_summary_the_global_options_and_the_exit_codes(string help)
    {
        var result = await Mlops(help);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("mlops — data version control, ML.NET training and pull-request reports for CI.\n\nCommands:\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n  mlops data commit              Make the branch exactly the folder's content, as one commit.\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n  mlops monitor history          Show a model's monitoring and retraining history.\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n  mlops pr sync ", result.Out, StringComparison.Ordinal);
        Assert.Contains("\nGlobal options:\n  [--store <uri>]          data repository: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n  [--json]                 machine-readable output on stdout\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("\nExit codes: 0 success, 1 the operation could not be done, 2 bad usage or input. 'mlops <command> --help' for details.\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_arguments_the_help_is_printed_and_the_exit_code_is_2()
    {
        var none = await Mlops();

        Assert.Equal(2, none.ExitCode);
        Assert.Equal((await Mlops("--help")).Out, none.Out);
    }

    [Theory]
    [InlineData("help", "data")]
    [InlineData("--help", "data")]
    [InlineData("data", "--help")]
    public async Task The_help_of_a_group_lists_only_its_commands(params string[] args)
    {
        var result = await Mlops(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n  mlops data branch create ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("mlops pr sync", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data", "log", "--help")]
    [InlineData("data", "log", "main", "-h")]
    [InlineData("--help", "data", "log")]
    public async Task The_help_of_a_command_prints_its_usage_summary_and_options(params string[] args)
    {
        var result = await Mlops(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("usage: mlops data log <ref> [--max <n>]\n\nShow the history of a ref.\n\nOptions:\n  [--max <n>]                  show at most n commits (default 50)\n  [--store <uri>]              data repository: ", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("  [-h|--help]                  show help\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_marks_optional_arguments_aliases_required_and_repeatable_options()
    {
        var ls = await Mlops("data", "ls", "--help");
        var commit = await Mlops("data", "commit", "--help");
        var monitor = await Mlops("monitor", "--help");

        Assert.StartsWith("usage: mlops data ls <ref> [<prefix>]", ls.Out, StringComparison.Ordinal);
        Assert.StartsWith("usage: mlops data commit <branch> <folder> [-m|--message <text>] [--meta <key=value>]... [--prefix <path>]\n", commit.Out, StringComparison.Ordinal);
        Assert.StartsWith("usage: mlops monitor --model <name@alias> --ref <data-ref>", monitor.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_is_the_assemblys_informational_version()
    {
        var result = await Mlops("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.Out);
    }

    public void Dispose() => _temp.Dispose();
}
