namespace MlopsCi.Core.Versioning;

/// <summary>
/// The mutable part of a repository: branches (moved only by compare-and-swap on their stored tag) and tags (created
/// once, never moved), and the resolution of a name to a commit. Everything else in a store is immutable.
/// </summary>
internal interface IRefStore
{
    /// <summary>A branch's ref and its storage tag, or null when there is no such branch.</summary>
    Task<(BranchRef Ref, string Tag)?> TryGetBranchAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates branch <paramref name="name"/> at <paramref name="from"/>: one small ref write, no data copied.</summary>
    Task<BranchRef> CreateBranchAsync(string name, string from, CancellationToken cancellationToken);

    /// <summary>Creates the branch at an existing commit unless it exists; true when this call created it.</summary>
    Task<bool> TryCreateBranchAtAsync(string name, string commit, CancellationToken cancellationToken);

    /// <summary>Creates the branch unless it exists; returns its ref either way (idempotent, for re-run workflows).</summary>
    Task<(BranchRef Ref, bool Created)> EnsureBranchAsync(string name, string from, CancellationToken cancellationToken);

    /// <summary>Moves a branch from the ref read with <paramref name="tag"/> to <paramref name="commit"/>; false when someone moved it meanwhile.</summary>
    Task<bool> TryAdvanceAsync(string name, BranchRef current, string tag, string commit, CancellationToken cancellationToken);

    /// <summary>Moves an unprotected branch from <paramref name="expectedCommit"/> to <paramref name="target"/> by compare-and-swap.</summary>
    Task<bool> MoveBranchAsync(string name, string expectedCommit, string target, CancellationToken cancellationToken);

    /// <summary>All readable branches, sorted by name; a malformed ref's problem is added to <paramref name="problems"/>.</summary>
    Task<IReadOnlyList<(string Name, BranchRef Ref)>> ListBranchesAsync(ICollection<string> problems, CancellationToken cancellationToken);

    /// <summary>Deletes a branch (not the default branch, not a protected one).</summary>
    Task<bool> DeleteBranchAsync(string name, bool missingOk, CancellationToken cancellationToken);

    /// <summary>Protects or unprotects a branch.</summary>
    Task<BranchRef> SetProtectionAsync(string name, bool isProtected, CancellationToken cancellationToken);

    /// <summary>Creates a tag at <paramref name="target"/>.</summary>
    Task<Commit> CreateTagAsync(string name, string target, CancellationToken cancellationToken);

    /// <summary>All readable tags with their commit ids, sorted by name; a malformed tag is added to <paramref name="problems"/>.</summary>
    Task<IReadOnlyList<(string Name, string Commit)>> ListTagsAsync(ICollection<string> problems, CancellationToken cancellationToken);

    /// <summary>Resolves a branch, a tag, a full commit id or a unique prefix of at least 7 characters.</summary>
    Task<Commit> ResolveAsync(string reference, CancellationToken cancellationToken);
}
