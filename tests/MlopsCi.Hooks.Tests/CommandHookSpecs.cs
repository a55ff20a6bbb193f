using System.Diagnostics;
using MlopsCi.Core.Hooks;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary><c>command</c> hooks: the changed files in the working folder and environment, exit codes, the time limit.</summary>
public sealed class CommandHookSpecs
{
    [Fact]
    public async Task A_command_sees_the_changed_files_and_its_context_in_the_environment()
    {
        await using var repository = await HookRepository.CreateAsync();
        var report = Path.Combine(repository.Root, "seen.txt");
        var script = $"{{ echo \"$MLOPS_HOOK_ID|$MLOPS_HOOK_EVENT|$MLOPS_BRANCH\"; echo \"$MLOPS_CHANGED_FILES\"; cat \"$MLOPS_CHANGED_FILES_LIST\"; cat data/a.csv; pwd; echo \"$MLOPS_HOOK_DIR\"; }} > '{report}'";
        repository.Write("_mlops/hooks.yml", Rules(Hook("look", "command", $"{{ files: 'data/*.csv', run: \"{script.Replace("\"", "\\\"", StringComparison.Ordinal)}\" }}")));
        repository.Write("old.csv", "x\n");
        await repository.CommitAsync();
        repository.Write("data/a.csv", "a\n1\n");
        repository.Write("data/b.csv", "b\n2\n");
        repository.Write("data/c.txt", "not selected");
        repository.Delete("old.csv");

        await repository.CommitAsync();

        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal("look|pre-commit|main", lines[0]);
        Assert.Equal(["data/a.csv", "data/b.csv", "data/a.csv", "data/b.csv", "a", "1"], lines[1..7]);
        Assert.Equal(lines[7], lines[8]);
        Assert.False(Directory.Exists(lines[7]));
        Assert.Equal(2, repository.Runs[^1].Results[0].FilesChecked);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_the_hook_with_the_end_of_its_output()
    {
        var run = await RunAsync(Rules(Hook("strict", "command", "{ run: 'echo checking $MLOPS_CHANGED_FILES; echo broken >&2; exit 3' }")), ("a.csv", "a\n1\n"));

        var result = run.Results[0];
        Assert.False(result.Passed);
        Assert.Equal("the command exited with code 3", result.Findings[0].Message);
        Assert.Contains("checking a.csv", result.Output, StringComparison.Ordinal);
        Assert.Contains("broken", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_over_its_time_limit_is_stopped_and_fails_the_hook()
    {
        var watch = Stopwatch.StartNew();
        var run = await RunAsync(Rules(Hook("slow", "command", "{ run: 'sleep 30', timeout: 500ms }")), ("a.csv", "a\n1\n"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal("the command did not finish within 0.5s and was stopped", run.Results[0].Findings[0].Message);
    }

    [Fact]
    public async Task A_passing_command_lets_the_commit_through()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", Rules(Hook("ok", "command", "{ run: 'test -f a.csv' }")));
        await repository.CommitAsync();
        repository.Write("a.csv", "a\n1\n");

        var outcome = await repository.CommitAsync();

        Assert.True(outcome.Changed);
        Assert.True(repository.Runs[^1].Passed);
    }

    [Fact]
    public async Task Hooks_of_one_run_are_reported_in_configuration_order_whatever_their_kind()
    {
        var run = await RunAsync(
            Rules(Hook("cmd", "command", "{ run: 'exit 1' }"), Hook("rows", "row-count", "{ min: 3 }"), Hook("size", "file-size", "{ max: 1 }")),
            ("a.csv", "a\n1\n"));

        Assert.Equal(["cmd", "rows", "size"], run.FailedHooks);
        Assert.IsType<HookFailedException>(new HookFailedException(run));
    }
}
