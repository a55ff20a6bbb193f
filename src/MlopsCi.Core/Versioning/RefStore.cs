using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Branches and tags over the store's compare-and-swap: a branch ref (<c>refs/branches/&lt;name&gt;</c>) changes only when
/// its stored tag is still the one read, so concurrent writers never lose an update; a tag
/// (<c>refs/tags/&lt;name&gt;</c>) is written once with put-if-absent and never moves.
/// </summary>
internal sealed class RefStore(IObjectStore store, CommitStore commits, string defaultBranch) : IRefStore
{
    public async Task<(BranchRef Ref, string Tag)?> TryGetBranchAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await store.TryReadVersionedAsync(StoreLayout.BranchKey(name), cancellationToken);
        return stored is null ? null : (StoredObjects.Parse(store, StoreLayout.BranchKey(name), stored.Content, BranchRef.Parse), stored.Tag);
    }

    public async Task<BranchRef> CreateBranchAsync(string name, string from, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        var commit = await ResolveAsync(from, cancellationToken);
        if (!await TryCreateBranchAtAsync(name, commit.Id, cancellationToken))
            throw new OperationFailedException($"Branch '{name}' already exists. Pick another name, or delete it first with 'mlops data branch delete {name}'.");
        return new BranchRef(commit.Id, 1, false);
    }

    public Task<bool> TryCreateBranchAtAsync(string name, string commit, CancellationToken cancellationToken) =>
        store.TryWriteVersionedAsync(StoreLayout.BranchKey(name), new BranchRef(commit, 1, false).ToBytes(), null, cancellationToken);

    public async Task<(BranchRef Ref, bool Created)> EnsureBranchAsync(string name, string from, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        if (await TryGetBranchAsync(name, cancellationToken) is { } existing)
            return (existing.Ref, false);
        try
        {
            return (await CreateBranchAsync(name, from, cancellationToken), true);
        }
        catch (OperationFailedException)
        {
            var raced = await TryGetBranchAsync(name, cancellationToken);
            if (raced is null)
                throw;
            return (raced.Value.Ref, false);
        }
    }

    public Task<bool> TryAdvanceAsync(string name, BranchRef current, string tag, string commit, CancellationToken cancellationToken) =>
        store.TryWriteVersionedAsync(StoreLayout.BranchKey(name), (current with { Commit = commit, Version = current.Version + 1 }).ToBytes(), tag, cancellationToken);

    public async Task<bool> MoveBranchAsync(string name, string expectedCommit, string target, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        var commit = await commits.GetAsync(target, cancellationToken);
        var current = await TryGetBranchAsync(name, cancellationToken) ?? throw NoSuchBranch(name);
        if (current.Ref.Protected)
            throw ProtectedBranch(name);
        if (current.Ref.Commit != expectedCommit)
            return false;
        return current.Ref.Commit == commit.Id || await TryAdvanceAsync(name, current.Ref, current.Tag, commit.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(ICollection<string> problems, CancellationToken cancellationToken)
    {
        var result = new List<(string, BranchRef)>();
        await foreach (var info in store.ListAsync(StoreLayout.Branches, cancellationToken))
        {
            var bytes = await store.TryReadAllAsync(info.Key, cancellationToken);
            if (bytes is null)
                continue;
            var name = info.Key[StoreLayout.Branches.Length..];
            if (StoredObjects.TryParse(info.Key, bytes, BranchRef.Parse, out var parsed) is { } problem)
                problems.Add($"{problem} (delete it with 'mlops data branch delete {name}')");
            else
                result.Add((name, parsed!));
        }

        return result;
    }

    public async Task<bool> DeleteBranchAsync(string name, bool missingOk, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        if (name == defaultBranch)
            throw new OperationFailedException($"'{name}' is the repository's default branch and cannot be deleted.");
        while (true)
        {
            var stored = await store.TryReadVersionedAsync(StoreLayout.BranchKey(name), cancellationToken);
            if (stored is null)
                return missingOk ? false : throw NoSuchBranch(name);
            // A malformed ref can still be deleted: that is how a user gets rid of it.
            var readable = StoredObjects.TryParse(StoreLayout.BranchKey(name), stored.Content, BranchRef.Parse, out var current) is null;
            if (readable && current!.Protected)
                throw new OperationFailedException($"Branch '{name}' is protected. Run 'mlops data unprotect {name}' first if you really mean to delete it.");
            if (await store.TryDeleteVersionedAsync(StoreLayout.BranchKey(name), stored.Tag, cancellationToken))
                return true;
        }
    }

    public async Task<BranchRef> SetProtectionAsync(string name, bool isProtected, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        while (true)
        {
            var current = await TryGetBranchAsync(name, cancellationToken) ?? throw NoSuchBranch(name);
            var updated = current.Ref with { Protected = isProtected, Version = current.Ref.Version + 1 };
            if (current.Ref.Protected == isProtected
                || await store.TryWriteVersionedAsync(StoreLayout.BranchKey(name), updated.ToBytes(), current.Tag, cancellationToken))
                return updated;
        }
    }

    public async Task<Commit> CreateTagAsync(string name, string target, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "tag");
        var commit = await ResolveAsync(target, cancellationToken);
        if (!await store.TryWriteVersionedAsync(StoreLayout.TagKey(name), Encoding.UTF8.GetBytes(commit.Id), null, cancellationToken))
            throw new OperationFailedException($"Tag '{name}' already exists; tags never move. Choose a new name.");
        return commit;
    }

    public async Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(ICollection<string> problems, CancellationToken cancellationToken)
    {
        var result = new List<(string, string)>();
        await foreach (var info in store.ListAsync(StoreLayout.Tags, cancellationToken))
        {
            var bytes = await store.TryReadAllAsync(info.Key, cancellationToken);
            if (bytes is null)
                continue;
            var id = Encoding.UTF8.GetString(bytes).Trim();
            if (StoredObjects.IsId(id))
                result.Add((info.Key[StoreLayout.Tags.Length..], id));
            else
                problems.Add($"malformed {info.Key}: it holds {bytes.Length} bytes that are not a commit id");
        }

        return result;
    }

    public async Task<Commit> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
            throw new InvalidInputException("An empty ref was given. Name a branch, a tag or a commit id.");
        if (RefNames.Problem(reference) is null)
        {
            if (await TryGetBranchAsync(reference, cancellationToken) is { } branch)
                return await commits.GetAsync(branch.Ref.Commit, cancellationToken);
            var tagKey = StoreLayout.TagKey(reference);
            var tag = await store.TryReadAllAsync(tagKey, cancellationToken);
            if (tag is not null)
                return await commits.GetAsync(StoredObjects.Parse(store, tagKey, tag, b => StoredObjects.RequireId(Encoding.UTF8.GetString(b).Trim(), "commit id")), cancellationToken);
        }

        if (reference.Length >= 7 && reference.Length <= 64 && reference.All(char.IsAsciiHexDigitLower))
        {
            if (reference.Length == 64 && await commits.ExistsAsync(reference, cancellationToken))
                return await commits.GetAsync(reference, cancellationToken);
            var matches = new List<string>();
            await foreach (var id in commits.ListIdsAsync(reference, cancellationToken))
            {
                matches.Add(id);
                if (matches.Count > 1)
                    throw new InvalidInputException($"The commit prefix '{reference}' is ambiguous ({matches[0][..12]}…, {matches[1][..12]}…). Give more characters.");
            }

            if (matches.Count == 1)
                return await commits.GetAsync(matches[0], cancellationToken);
        }

        throw new InvalidInputException($"Unknown ref '{PathRules.Printable(reference)}': no branch, tag or commit (at least 7 hex characters) of that name in {store.Location}. 'mlops data branch list' and 'mlops data tag list' show what exists.");
    }

    /// <summary>Why a commit to a protected branch is refused.</summary>
    public static OperationFailedException ProtectedBranch(string branch) =>
        new($"Branch '{branch}' is protected: it changes only by merge. Commit to a branch of it ('mlops data branch create my-change --from {branch}') and merge that.");

    private static InvalidInputException NoSuchBranch(string name) =>
        new($"There is no branch '{name}'. 'mlops data branch list' shows the branches.");
}
