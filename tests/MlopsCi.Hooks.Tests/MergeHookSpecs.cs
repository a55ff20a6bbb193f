using MlopsCi.Core.Hooks;
using MlopsCi.Core.Versioning;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Pre-merge hooks: judged on the merge result with the destination's rules, which a pull request cannot switch off.</summary>
public sealed class MergeHookSpecs
{
    private const string MainGuard = "on:\n  pre-merge: { branches: [main] }\nhooks:\n  - { id: fare-range, type: range, properties: { column: fare, min: 0 } }\n";

    private static async Task<HookRepository> WithGuardedMainAsync()
    {
        var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", MainGuard);
        repository.Write("good.csv", "fare\n1\n");
        await repository.CommitAsync();
        await repository.BranchAsync("pr-1");
        return repository;
    }

    private static Task<CommitOutcome> MergeAsync(HookRepository repository, string source = "pr-1") =>
        repository.Repository.MergeAsync(source, "main", MergeStrategy.Fail, null, new Dictionary<string, string>(), default);

    [Fact]
    public async Task A_failing_pre_merge_hook_blocks_the_merge_and_main_stays()
    {
        await using var repository = await WithGuardedMainAsync();
        var head = await repository.HeadAsync("main");
        repository.Write("bad.csv", "fare\n-2\n", "pr-1");
        await repository.CommitAsync("pr-1");

        var error = await Assert.ThrowsAsync<HookFailedException>(() => MergeAsync(repository));

        Assert.Equal(head, await repository.HeadAsync("main"));
        Assert.Equal(HookEvent.PreMerge, error.Run.Event);
        Assert.Equal("main", error.Run.Branch);
        Assert.Equal("bad.csv", Single(error.Run, "fare-range").File);
        Assert.Contains("for the merge into 'main'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_that_deletes_the_rules_cannot_switch_off_the_rules_of_main()
    {
        await using var repository = await WithGuardedMainAsync();
        repository.Delete("_mlops/hooks.yml", "pr-1");
        repository.Write("bad.csv", "fare\n-2\n", "pr-1");
        await repository.CommitAsync("pr-1");

        var error = await Assert.ThrowsAsync<HookFailedException>(() => MergeAsync(repository));

        Assert.Equal(["fare-range"], error.Run.FailedHooks);
    }

    [Fact]
    public async Task A_pull_request_that_relaxes_the_rules_is_still_judged_by_the_rules_of_main()
    {
        await using var repository = await WithGuardedMainAsync();
        repository.Write("_mlops/hooks.yml", MainGuard.Replace("min: 0", "min: -100", StringComparison.Ordinal), "pr-1");
        repository.Write("bad.csv", "fare\n-2\n", "pr-1");
        await repository.CommitAsync("pr-1");

        await Assert.ThrowsAsync<HookFailedException>(() => MergeAsync(repository));
        repository.Delete("bad.csv", "pr-1");
        await repository.CommitAsync("pr-1");
        await MergeAsync(repository);
        await repository.BranchAsync("pr-2");
        repository.Write("bad.csv", "fare\n-2\n", "pr-2");
        await repository.CommitAsync("pr-2");
        var merged = await MergeAsync(repository, "pr-2");

        Assert.True(merged.Changed);
    }

    [Fact]
    public async Task Pre_merge_hooks_read_the_merge_result_of_a_three_way_merge()
    {
        await using var repository = await WithGuardedMainAsync();
        repository.Write("other.csv", "fare\n3\n");
        await repository.CommitAsync(check: false);
        repository.Write("bad.csv", "fare\n-2\n", "pr-1");
        await repository.CommitAsync("pr-1");

        var error = await Assert.ThrowsAsync<HookFailedException>(() => MergeAsync(repository));

        Assert.Equal(1, error.Run.Changes);
        Assert.Equal(1, error.Run.Results[0].FilesChecked);
        var tree = await repository.Repository.GetTreeAsync(await repository.Repository.ResolveAsync("main", default), default);
        Assert.NotEqual(tree.ComputeId(), error.Run.Tree);
    }

    [Fact]
    public async Task Good_data_merges_and_the_passing_run_is_recorded_for_the_destination()
    {
        await using var repository = await WithGuardedMainAsync();
        repository.Write("more.csv", "fare\n7\n", "pr-1");
        await repository.CommitAsync("pr-1");

        var outcome = await MergeAsync(repository);

        Assert.Equal("fast-forward", outcome.Kind);
        var latest = await new HookRunStore(repository.Store).LatestAsync("main", default);
        Assert.True(latest!.Passed);
        Assert.Equal([new ValidationSummary("fare-range", "range", HookEvent.PreMerge, true, null, null, "a number ≥ 0", 0, [], "passed (1 files, 1 rows checked)")], latest.Summaries, SummaryComparer.Instance);
    }

    private sealed class SummaryComparer : IEqualityComparer<ValidationSummary>
    {
        public static SummaryComparer Instance { get; } = new();

        public bool Equals(ValidationSummary? x, ValidationSummary? y) => x! with { Samples = [] } == y! with { Samples = [] } && x.Samples.SequenceEqual(y.Samples);

        public int GetHashCode(ValidationSummary obj) => obj.HookId.GetHashCode(StringComparison.Ordinal);
    }
}
