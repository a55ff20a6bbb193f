using System.Diagnostics;
using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>
/// <c>mlops completion bash|zsh|pwsh</c>: the printed script asks <c>mlops</c> itself for the candidates (the suggest
/// directive); bash runs the real script's completion function against the real program on the PATH.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompletionSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    public CompletionSpecs()
    {
        // 'mlops' on the PATH, as a dotnet tool install puts it.
        var shim = _temp.Write("bin/mlops", $"#!/bin/sh\nexec dotnet '{MlopsProcess.Dll}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("mlops da", "data")]
    [InlineData("mlops data c", "cat checkout commit")]
    [InlineData("mlops data co", "commit")]
    [InlineData("mlops data branch ", "create delete list")]
    [InlineData("mlops data log main --ma", "--max")]
    [InlineData("mlops --store s data l", "log ls")]
    public async Task Bash_completes_commands_and_options_from_the_command_tree(string line, string expected)
    {
        var script = await MlopsProcess.RunAsync(_temp.Path, "completion", "bash");
        var file = _temp.Write("mlops.bash", script.Out);

        var candidates = await CompleteInBashAsync(file, line);

        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.Equal(expected.Split(' '), candidates);
    }

    [Theory]
    [InlineData("zsh", "compdef _mlops mlops")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName mlops")]
    public async Task Zsh_and_PowerShell_scripts_register_a_completer_that_asks_mlops(string shell, string registration)
    {
        var script = await MlopsProcess.RunAsync(_temp.Path, "completion", shell);

        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.Contains(registration, script.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", script.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggest_directive_the_scripts_call_lists_the_candidates_at_the_cursor()
    {
        var result = await MlopsProcess.RunAsync(_temp.Path, "[suggest:7]", "data co");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["commit"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_unknown_shell_is_bad_input_naming_the_shells()
    {
        var result = await MlopsProcess.RunAsync(_temp.Path, "completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'fish'", result.Error, StringComparison.Ordinal);
        Assert.Contains("bash, zsh or pwsh", result.Error, StringComparison.Ordinal);
    }

    // Sets up what bash hands a completion function after <TAB> at the end of the line, calls it, prints COMPREPLY.
    private async Task<string[]> CompleteInBashAsync(string script, string line)
    {
        const string Complete = """
            source "$1"
            read -ra COMP_WORDS <<< "$2"
            [[ "$2" == *" " ]] && COMP_WORDS+=("")
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            fn=$(complete -p mlops | sed -E 's/.*-F ([^ ]+).*/\1/')
            "$fn" mlops "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var info = new ProcessStartInfo("bash") { WorkingDirectory = _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", Complete, "complete-test", script, line })
            info.ArgumentList.Add(arg);
        info.Environment["PATH"] = _temp.Combine("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var result = await MlopsProcess.RunAsync(info);
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _temp.Dispose();
}
