namespace MlopsCi.Core.Versioning;

// Branches and tags: the work is in RefStore; these members keep the repository the one entry point for callers.
public sealed partial class Repository
{
    /// <summary>A branch's ref and its storage tag, or null when there is no such branch.</summary>
    public Task<(BranchRef Ref, string Tag)?> TryGetBranchAsync(string name, CancellationToken cancellationToken) =>
        _refs.TryGetBranchAsync(name, cancellationToken);

    /// <summary>Creates branch <paramref name="name"/> at <paramref name="from"/>: one small ref write, no data copied.</summary>
    public Task<BranchRef> CreateBranchAsync(string name, string from, CancellationToken cancellationToken) =>
        _refs.CreateBranchAsync(name, from, cancellationToken);

    /// <summary>Creates the branch unless it exists; returns its ref either way (idempotent, for re-run workflows).</summary>
    public Task<(BranchRef Ref, bool Created)> EnsureBranchAsync(string name, string from, CancellationToken cancellationToken) =>
        _refs.EnsureBranchAsync(name, from, cancellationToken);

    /// <summary>
    /// Moves branch <paramref name="name"/> from <paramref name="expectedCommit"/> to the existing commit
    /// <paramref name="target"/> by compare-and-swap: false, and nothing changed, when the branch is not at the expected
    /// commit any more (someone else moved it). A protected branch is refused: it changes only by merge.
    /// </summary>
    public Task<bool> MoveBranchAsync(string name, string expectedCommit, string target, CancellationToken cancellationToken) =>
        _refs.MoveBranchAsync(name, expectedCommit, target, cancellationToken);

    /// <summary>All readable branches, sorted by name; a malformed ref is left out (see the overload that reports it).</summary>
    public Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(CancellationToken cancellationToken) =>
        _refs.ListBranchesAsync([], cancellationToken);

    /// <summary>
    /// All readable branches, sorted by name. A malformed ref does not hide the others: its problem is added to
    /// <paramref name="problems"/> and the listing goes on.
    /// </summary>
    public Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(ICollection<string> problems, CancellationToken cancellationToken) =>
        _refs.ListBranchesAsync(problems, cancellationToken);

    /// <summary>Deletes a branch (not the default branch, not a protected one). Its commits stay until gc.</summary>
    public Task<bool> DeleteBranchAsync(string name, bool missingOk, CancellationToken cancellationToken) =>
        _refs.DeleteBranchAsync(name, missingOk, cancellationToken);

    /// <summary>Protects or unprotects a branch: a protected branch changes only by merge.</summary>
    public Task<BranchRef> SetProtectionAsync(string name, bool isProtected, CancellationToken cancellationToken) =>
        _refs.SetProtectionAsync(name, isProtected, cancellationToken);

    /// <summary>Creates a tag (create-only: an existing tag is never moved).</summary>
    public Task<Commit> CreateTagAsync(string name, string target, CancellationToken cancellationToken) =>
        _refs.CreateTagAsync(name, target, cancellationToken);

    /// <summary>All readable tags with their commit ids, sorted by name; a malformed tag is left out.</summary>
    public Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(CancellationToken cancellationToken) =>
        _refs.ListTagsAsync([], cancellationToken);

    /// <summary>All readable tags with their commit ids, sorted by name; a malformed tag is added to <paramref name="problems"/>.</summary>
    public Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(ICollection<string> problems, CancellationToken cancellationToken) =>
        _refs.ListTagsAsync(problems, cancellationToken);

    /// <summary>Resolves a branch, a tag, a full commit id or a unique prefix of at least 7 characters.</summary>
    public Task<Commit> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        _refs.ResolveAsync(reference, cancellationToken);
}
