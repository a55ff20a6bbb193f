using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>A branch's ref and its storage tag, or null when there is no such branch.</summary>
    public async Task<(BranchRef Ref, string Tag)?> TryGetBranchAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await Store.TryReadVersionedAsync(BranchKey(name), cancellationToken);
        return stored is null ? null : (StoredObjects.Parse(Store, BranchKey(name), stored.Content, BranchRef.Parse), stored.Tag);
    }

    /// <summary>Creates branch <paramref name="name"/> at <paramref name="from"/>: one small ref write, no data copied.</summary>
    public async Task<BranchRef> CreateBranchAsync(string name, string from, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        var commit = await ResolveAsync(from, cancellationToken);
        var created = new BranchRef(commit.Id, 1, false);
        if (!await Store.TryWriteVersionedAsync(BranchKey(name), created.ToBytes(), null, cancellationToken))
            throw new OperationFailedException($"Branch '{name}' already exists. Pick another name, or delete it first with 'mlops data branch delete {name}'.");
        return created;
    }

    /// <summary>Creates the branch unless it exists; returns its ref either way (idempotent, for re-run workflows).</summary>
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

    /// <summary>
    /// Moves branch <paramref name="name"/> from <paramref name="expectedCommit"/> to the existing commit
    /// <paramref name="target"/> by compare-and-swap: false, and nothing changed, when the branch is not at the expected
    /// commit any more (someone else moved it). A protected branch is refused: it changes only by merge.
    /// </summary>
    public async Task<bool> MoveBranchAsync(string name, string expectedCommit, string target, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        var commit = await GetCommitAsync(target, cancellationToken);
        var current = await TryGetBranchAsync(name, cancellationToken)
            ?? throw new InvalidInputException($"There is no branch '{name}'. 'mlops data branch list' shows the branches.");
        if (current.Ref.Protected)
            throw ProtectedBranch(name);
        if (current.Ref.Commit != expectedCommit)
            return false;
        var moved = current.Ref with { Commit = commit.Id, Version = current.Ref.Version + 1 };
        return current.Ref.Commit == commit.Id || await Store.TryWriteVersionedAsync(BranchKey(name), moved.ToBytes(), current.Tag, cancellationToken);
    }

    /// <summary>All readable branches, sorted by name; a malformed ref is left out (see the overload that reports it).</summary>
    public Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(CancellationToken cancellationToken) =>
        ListBranchesAsync([], cancellationToken);

    /// <summary>
    /// All readable branches, sorted by name. A malformed ref does not hide the others: its problem is added to
    /// <paramref name="problems"/> and the listing goes on.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(ICollection<string> problems, CancellationToken cancellationToken)
    {
        var result = new List<(string, BranchRef)>();
        await foreach (var info in Store.ListAsync("refs/branches/", cancellationToken))
        {
            var bytes = await Store.TryReadAllAsync(info.Key, cancellationToken);
            if (bytes is null)
                continue;
            if (StoredObjects.TryParse(info.Key, bytes, BranchRef.Parse, out var parsed) is { } problem)
                problems.Add($"{problem} (delete it with 'mlops data branch delete {info.Key["refs/branches/".Length..]}')");
            else
                result.Add((info.Key["refs/branches/".Length..], parsed!));
        }

        return result;
    }

    /// <summary>Deletes a branch (not the default branch, not a protected one). Its commits stay until gc.</summary>
    public async Task<bool> DeleteBranchAsync(string name, bool missingOk, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        if (name == Info.DefaultBranch)
            throw new OperationFailedException($"'{name}' is the repository's default branch and cannot be deleted.");
        while (true)
        {
            var stored = await Store.TryReadVersionedAsync(BranchKey(name), cancellationToken);
            if (stored is null)
                return missingOk ? false : throw new InvalidInputException($"There is no branch '{name}'. 'mlops data branch list' shows the branches.");
            // A malformed ref can still be deleted: that is how a user gets rid of it.
            var readable = StoredObjects.TryParse(BranchKey(name), stored.Content, BranchRef.Parse, out var current) is null;
            if (readable && current!.Protected)
                throw new OperationFailedException($"Branch '{name}' is protected. Run 'mlops data unprotect {name}' first if you really mean to delete it.");
            if (await Store.TryDeleteVersionedAsync(BranchKey(name), stored.Tag, cancellationToken))
                return true;
        }
    }

    /// <summary>Protects or unprotects a branch: a protected branch changes only by merge.</summary>
    public async Task<BranchRef> SetProtectionAsync(string name, bool isProtected, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "branch");
        while (true)
        {
            var current = await TryGetBranchAsync(name, cancellationToken)
                ?? throw new InvalidInputException($"There is no branch '{name}'. 'mlops data branch list' shows the branches.");
            var updated = current.Ref with { Protected = isProtected, Version = current.Ref.Version + 1 };
            if (current.Ref.Protected == isProtected
                || await Store.TryWriteVersionedAsync(BranchKey(name), updated.ToBytes(), current.Tag, cancellationToken))
                return updated;
        }
    }

    /// <summary>Creates a tag (create-only: an existing tag is never moved).</summary>
    public async Task<Commit> CreateTagAsync(string name, string target, CancellationToken cancellationToken)
    {
        RefNames.Validate(name, "tag");
        var commit = await ResolveAsync(target, cancellationToken);
        if (!await Store.TryWriteVersionedAsync(TagKey(name), System.Text.Encoding.UTF8.GetBytes(commit.Id), null, cancellationToken))
            throw new OperationFailedException($"Tag '{name}' already exists; tags never move. Choose a new name.");
        return commit;
    }

    /// <summary>All readable tags with their commit ids, sorted by name; a malformed tag is left out.</summary>
    public Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(CancellationToken cancellationToken) =>
        ListTagsAsync([], cancellationToken);

    /// <summary>All readable tags with their commit ids, sorted by name; a malformed tag is added to <paramref name="problems"/>.</summary>
    public async Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(ICollection<string> problems, CancellationToken cancellationToken)
    {
        var result = new List<(string, string)>();
        await foreach (var info in Store.ListAsync("refs/tags/", cancellationToken))
        {
            var bytes = await Store.TryReadAllAsync(info.Key, cancellationToken);
            if (bytes is null)
                continue;
            var id = System.Text.Encoding.UTF8.GetString(bytes).Trim();
            if (StoredObjects.IsId(id))
                result.Add((info.Key["refs/tags/".Length..], id));
            else
                problems.Add($"malformed {info.Key}: it holds {bytes.Length} bytes that are not a commit id");
        }

        return result;
    }

    /// <summary>Resolves a branch, a tag, a full commit id or a unique prefix of at least 7 characters.</summary>
    public async Task<Commit> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
            throw new InvalidInputException("An empty ref was given. Name a branch, a tag or a commit id.");
        if (RefNames.Problem(reference) is null)
        {
            if (await TryGetBranchAsync(reference, cancellationToken) is { } branch)
                return await GetCommitAsync(branch.Ref.Commit, cancellationToken);
            var tag = await Store.TryReadAllAsync(TagKey(reference), cancellationToken);
            if (tag is not null)
                return await GetCommitAsync(StoredObjects.Parse(Store, TagKey(reference), tag, b => StoredObjects.RequireId(System.Text.Encoding.UTF8.GetString(b).Trim(), "commit id")), cancellationToken);
        }

        if (reference.Length >= 7 && reference.Length <= 64 && reference.All(char.IsAsciiHexDigitLower))
        {
            if (reference.Length == 64 && await Store.ExistsAsync(CommitKey(reference), cancellationToken))
                return await GetCommitAsync(reference, cancellationToken);
            var matches = new List<string>();
            await foreach (var info in Store.ListAsync(CommitKey(reference), cancellationToken))
            {
                matches.Add(info.Key["commits/".Length..]);
                if (matches.Count > 1)
                    throw new InvalidInputException($"The commit prefix '{reference}' is ambiguous ({matches[0][..12]}…, {matches[1][..12]}…). Give more characters.");
            }

            if (matches.Count == 1)
                return await GetCommitAsync(matches[0], cancellationToken);
        }

        throw new InvalidInputException($"Unknown ref '{PathRules.Printable(reference)}': no branch, tag or commit (at least 7 hex characters) of that name in {Store.Location}. 'mlops data branch list' and 'mlops data tag list' show what exists.");
    }
}
