using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Registry;

public sealed class ModelRegistrySpecs
{
    private static RunRecord Run(string id, RunStatus status = RunStatus.Finished) => new(
        id, "flight-delay", status, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, string>(),
        new Dictionary<string, double> { ["rmse"] = 1.5 }, new Dictionary<string, string>(), "main", "c0ffee", [], "spec",
        new ModelSpec("flight-delay", ModelTask.Regression, new ModelDataSpec("a.csv", null, null), "delay", [], [], [], [], "lightgbm", new Dictionary<string, string>(), 1),
        status == RunStatus.Finished ? "hash-" + id : null, new ModelSchema(ModelTask.Regression, "delay", [new SchemaColumn("distance", "numeric")], []), [],
        new RunEnvironment("linux", ".NET", 2, new Dictionary<string, string>()), 10, 2);

    [Fact]
    public async Task Versions_are_numbered_and_registering_a_run_again_returns_its_version()
    {
        await using var repo = await TempRepository.CreateAsync();
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);

        var first = await registry.RegisterAsync(Run("run-a"), CancellationToken.None);
        var second = await registry.RegisterAsync(Run("run-b"), CancellationToken.None);
        var again = await registry.RegisterAsync(Run("run-a"), CancellationToken.None);

        Assert.Equal((1, true), (first.Version.Version, first.Created));
        Assert.Equal((2, true), (second.Version.Version, second.Created));
        Assert.Equal((1, false), (again.Version.Version, again.Created));
        Assert.Equal(("run-a", "hash-run-a", "c0ffee", 1.5), (first.Version.RunId, first.Version.ModelHash, first.Version.DataCommit, first.Version.Metrics["rmse"]));
        Assert.Equal([1, 2], (await registry.ListVersionsAsync("flight-delay", CancellationToken.None)).Select(v => v.Version));
        Assert.Equal(["flight-delay"], await registry.ListModelsAsync(CancellationToken.None));
        Assert.True(await repo.Store.ExistsAsync("_mlops/models/flight-delay/versions/2.json", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_registrations_get_distinct_numbers_and_one_run_gets_one_version()
    {
        await using var repo = await TempRepository.CreateAsync();
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);

        var distinct = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => registry.RegisterAsync(Run($"run-{i}"), CancellationToken.None))));
        var same = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => registry.RegisterAsync(Run("run-same"), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 8), distinct.Select(r => r.Version.Version).Order());
        Assert.Single(same.Select(r => r.Version.Version).Distinct());
        Assert.Single(same, r => r.Created);
        Assert.Equal(9, (await registry.ListVersionsAsync("flight-delay", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Aliases_move_by_compare_and_swap()
    {
        await using var repo = await TempRepository.CreateAsync();
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);
        for (var i = 0; i < 3; i++)
            await registry.RegisterAsync(Run($"run-{i}"), CancellationToken.None);

        Assert.Null(await registry.TryMoveAliasAsync("flight-delay", "champion", 2, expectedVersion: 1, CancellationToken.None));
        Assert.NotNull(await registry.TryMoveAliasAsync("flight-delay", "champion", 1, expectedVersion: null, CancellationToken.None));
        var moved = await registry.TryMoveAliasAsync("flight-delay", "champion", 2, expectedVersion: 1, CancellationToken.None);
        var stale = await registry.TryMoveAliasAsync("flight-delay", "champion", 3, expectedVersion: 1, CancellationToken.None);

        Assert.Equal(2, moved!.Version);
        Assert.Null(stale);
        Assert.Equal(2, (await registry.ResolveAsync("flight-delay@champion", CancellationToken.None)).Version);
        Assert.Equal(3, (await registry.ResolveAsync("flight-delay:3", CancellationToken.None)).Version);
        await registry.SetAliasAsync("flight-delay", "staging", 3, CancellationToken.None);
        Assert.Equal(["champion", "staging"], (await registry.ListAliasesAsync("flight-delay", CancellationToken.None)).Select(a => a.Alias));
    }

    [Fact]
    public async Task Concurrent_alias_moves_from_the_same_champion_let_exactly_one_win()
    {
        await using var repo = await TempRepository.CreateAsync();
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);
        for (var i = 0; i < 5; i++)
            await registry.RegisterAsync(Run($"run-{i}"), CancellationToken.None);
        await registry.SetAliasAsync("flight-delay", "champion", 1, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(2, 4).Select(v => Task.Run(() => registry.TryMoveAliasAsync("flight-delay", "champion", v, 1, CancellationToken.None))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Version, (await registry.GetAliasAsync("flight-delay", "champion", CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Bad_references_and_unfinished_runs_are_bad_input()
    {
        await using var repo = await TempRepository.CreateAsync();
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);
        await registry.RegisterAsync(Run("run-1"), CancellationToken.None);

        Assert.Contains("has no alias 'champion'", (await Assert.ThrowsAsync<InvalidInputException>(() => registry.ResolveAsync("flight-delay@champion", CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Contains("has no version 9", (await Assert.ThrowsAsync<InvalidInputException>(() => registry.ResolveAsync("flight-delay:9", CancellationToken.None))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidInputException>(() => registry.ResolveAsync("flight-delay", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidInputException>(() => registry.SetAliasAsync("flight-delay", "champion", 4, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidInputException>(() => registry.RegisterAsync(Run("run-2", RunStatus.Failed), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidInputException>(() => registry.SetAliasAsync("flight-delay", "../x", 1, CancellationToken.None));
    }
}
