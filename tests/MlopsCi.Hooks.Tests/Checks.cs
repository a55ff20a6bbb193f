using MlopsCi.Core.Hooks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Commits rules, then data, and returns the run the commit's hooks recorded.</summary>
internal static class Checks
{
    public static string Rules(params string[] hooks) =>
        "on:\n  pre-commit: { branches: [\"*\"] }\nhooks:\n" + string.Concat(hooks.Select(h => "  - " + h + "\n"));

    public static string Hook(string id, string type, string properties) => $"{{ id: {id}, type: {type}, properties: {properties} }}";

    public static async Task<HookRun> RunAsync(string hooksYaml, params (string Path, string Content)[] files)
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", hooksYaml);
        await repository.CommitAsync();
        foreach (var (path, content) in files)
            repository.Write(path, content);
        try
        {
            await repository.CommitAsync();
        }
        catch (HookFailedException)
        {
        }

        return repository.Runs[^1];
    }

    public static HookFinding Single(HookRun run, string hookId) => Assert.Single(run.Results.Single(r => r.HookId == hookId).Findings);
}
