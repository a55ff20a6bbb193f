using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Versioning;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Hooks in the commit path: blocking, recording, the rules in force, and looking only at the change.</summary>
public sealed class CommitHookSpecs
{
    private static readonly string FareRange = Rules(Hook("fare-range", "range", "{ column: fare, min: 0 }"));

    [Fact]
    public async Task A_failing_pre_commit_hook_blocks_the_commit_and_the_branch_stays()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        var head = await repository.HeadAsync("main");
        repository.Write("trips.csv", "fare\n-1\n");

        var error = await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());

        Assert.Equal(1, error.ExitCode);
        Assert.Equal(head, await repository.HeadAsync("main"));
        Assert.Equal(["fare-range"], error.Run.FailedHooks);
        Assert.Contains("trips.csv, column fare: 1 row is not a number ≥ 0: row 1: \"-1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_is_recorded_under_its_branch_newest_first()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        repository.Write("trips.csv", "fare\n-1\n");
        await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());
        repository.Write("trips.csv", "fare\n1\n");
        var outcome = await repository.CommitAsync();

        var runs = await new HookRunStore(repository.Store).ListAsync("main", 10, default);

        Assert.True(outcome.Changed);
        Assert.Equal([true, false], runs.Select(r => r.Passed));
        Assert.Equal("trips.csv", runs[1].Results[0].Findings[0].File);
        Assert.Empty(await new HookRunStore(repository.Store).ListAsync("mai", 10, default));
        var gc = await repository.Repository.GcAsync(TimeSpan.Zero, default);
        Assert.Equal(2, (await new HookRunStore(repository.Store).ListAsync("main", 10, default)).Count);
        _ = gc;
    }

    [Fact]
    public async Task Hooks_look_only_at_changed_files()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("old.csv", "fare\n-5\n");
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        repository.Write("new.csv", "fare\n5\n");

        await repository.CommitAsync();

        Assert.Equal(1, repository.Runs[^1].Results[0].FilesChecked);
        Assert.Equal(["old.csv"], (await repository.ValidateAllAsync("main"))!.Results[0].Findings.Select(f => f.File));
    }

    [Fact]
    public async Task Deleting_a_file_runs_no_table_rule_on_it()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("old.csv", "fare\n-5\n");
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        repository.Delete("old.csv");

        var outcome = await repository.CommitAsync();

        Assert.True(outcome.Changed);
        Assert.Equal(0, repository.Runs[^1].Results[0].FilesChecked);
    }

    [Fact]
    public async Task Hooks_apply_only_to_their_event_and_branches()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", "on: { pre-commit: { branches: [main] } }\nhooks:\n  - " + Hook("fare-range", "range", "{ column: fare, min: 0 }") + "\n");
        await repository.CommitAsync();
        await repository.BranchAsync("pr-1");
        repository.Write("trips.csv", "fare\n-1\n", "pr-1");

        var outcome = await repository.CommitAsync("pr-1");

        Assert.True(outcome.Changed);
        Assert.Empty(repository.Runs);
    }

    [Fact]
    public async Task A_change_to_the_rules_takes_effect_from_the_next_commit()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        repository.Write("_mlops/hooks.yml", Rules(Hook("fare-range", "range", "{ column: fare, min: -10 }")));
        repository.Write("a.csv", "fare\n-1\n");
        await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());

        repository.Delete("a.csv");
        await repository.CommitAsync();
        repository.Write("a.csv", "fare\n-1\n");
        var outcome = await repository.CommitAsync();

        Assert.True(outcome.Changed);
    }

    [Fact]
    public async Task A_commit_that_would_leave_broken_rules_is_refused_naming_the_line()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        var head = await repository.HeadAsync("main");
        repository.Write("_mlops/hooks/extra.yml", "on: { pre-commit: }\nhooks:\n  - { id: x, type: not-nul }\n");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repository.CommitAsync());

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("_mlops/hooks/extra.yml line 3: unknown hook type 'not-nul'", error.Message, StringComparison.Ordinal);
        Assert.Equal(head, await repository.HeadAsync("main"));
    }

    [Fact]
    public async Task Ids_must_be_unique_across_hooks_files()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", FareRange);
        repository.Write("_mlops/hooks/more.yml", FareRange);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repository.CommitAsync());

        Assert.Contains("_mlops/hooks/more.yml line 4: hook id 'fare-range' is already used at _mlops/hooks.yml line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_in_several_files_all_run_main_file_first()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks/b.yml", Rules(Hook("b-rows", "row-count", "{ min: 5 }")));
        repository.Write("_mlops/hooks.yml", FareRange);
        await repository.CommitAsync();
        repository.Write("t.csv", "fare\n-1\n");

        var error = await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());

        Assert.Equal(["fare-range", "b-rows"], error.Run.FailedHooks);
    }

    [Fact]
    public async Task Broken_rules_already_on_a_branch_can_be_repaired_by_a_commit_and_block_everything_else()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", "on: { pre-commit: }\nhooks:\n  - { id: x, type: nope }\n");
        await repository.CommitAsync(check: false);
        repository.Write("a.csv", "fare\n-1\n");

        var blocked = await Assert.ThrowsAsync<InvalidInputException>(() => repository.CommitAsync());
        repository.Write("_mlops/hooks.yml", FareRange);
        var repair = await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());
        repository.Delete("a.csv");
        var repaired = await repository.CommitAsync();

        Assert.Contains("_mlops/hooks.yml line 3: unknown hook type 'nope'", blocked.Message, StringComparison.Ordinal);
        Assert.Equal(["fare-range"], repair.Run.FailedHooks);
        Assert.True(repaired.Changed);
    }
}
