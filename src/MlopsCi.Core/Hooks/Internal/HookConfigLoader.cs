using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Reads every hooks file of a tree: <c>_mlops/hooks.yml</c> first, then <c>_mlops/hooks/*.yml</c> by name.</summary>
internal static class HookConfigLoader
{
    private const long MaxFileBytes = 1 << 20;

    public static async Task<IReadOnlyList<HookDocument>> LoadAsync(Repository repository, Metarange tree, IHookConfigParser parser, CancellationToken cancellationToken)
    {
        var files = new List<Entry>();
        await foreach (var entry in repository.ListAsync(tree, HookPaths.Reserved, cancellationToken))
        {
            if (HookPaths.IsConfig(entry.Path))
                files.Add(entry);
        }

        // "_mlops/hooks.yml" sorts before "_mlops/hooks/…" ('.' < '/'), so the main file comes first.
        var documents = new List<HookDocument>();
        foreach (var entry in files)
        {
            if (entry.Size > MaxFileBytes)
                throw new InvalidInputException($"{entry.Path} is {Sizes.Format(entry.Size)}; a hooks file may be at most 1 MB. Split it into files under {HookPaths.Folder}.");
            string text;
            await using (var blob = await repository.OpenBlobAsync(entry, cancellationToken))
            using (var reader = new StreamReader(blob))
                text = await reader.ReadToEndAsync(cancellationToken);
            if (parser.Parse(text, entry.Path) is { } document)
                documents.Add(document);
        }

        CheckUniqueIds(documents);
        return documents;
    }

    private static void CheckUniqueIds(List<HookDocument> documents)
    {
        var seen = new Dictionary<string, HookSource>(StringComparer.Ordinal);
        foreach (var hook in documents.SelectMany(d => d.Hooks))
        {
            if (!seen.TryAdd(hook.Id, hook.Source))
                throw new InvalidInputException($"{hook.Source}: hook id '{hook.Id}' is already used at {seen[hook.Id]}. Ids must be unique across _mlops/hooks.yml and _mlops/hooks/*.yml; rename one.");
        }
    }
}
