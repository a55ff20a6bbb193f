using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>
    /// Applies changes to a branch as one commit (cost grows with the change, not the repository). Concurrent writers
    /// are serialised by compare-and-swap: on a lost race the changes are re-applied to the new head.
    /// </summary>
    public Task<CommitOutcome> CommitChangesAsync(string branch, IEnumerable<Change> changes, string message, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var sorted = Normalize(changes);
        return _updater.UpdateAsync(branch, HookEvent.PreCommit, async (head, tree) =>
        {
            var effective = await EffectiveChangesAsync(tree, sorted, cancellationToken);
            if (effective.Count == 0)
                return null;
            var after = await _trees.ApplyAsync(tree, effective, cancellationToken);
            return new BranchProposal([head.Id], after, message, metadata, "commit");
        }, cancellationToken);
    }

    /// <summary>Makes the branch's content under <paramref name="prefix"/> exactly the folder's content, as one commit.</summary>
    public async Task<CommitOutcome> CommitFolderAsync(string branch, string folder, string prefix, string message, IReadOnlyDictionary<string, string> metadata, IProgressSink progress, CancellationToken cancellationToken)
    {
        RefNames.Validate(branch, "branch");
        prefix = PathRules.NormalizePrefix(prefix);
        var head = await TryGetBranchAsync(branch, cancellationToken)
            ?? throw BranchUpdater.NoSuchBranch(branch, Info.DefaultBranch);
        if (head.Ref.Protected)
            throw RefStore.ProtectedBranch(branch);
        var scan = FolderScanner.Scan(folder, prefix);
        var startCommit = await GetCommitAsync(head.Ref.Commit, cancellationToken);
        var atStart = await ListUnderAsync(await GetTreeAsync(startCommit, cancellationToken), prefix, cancellationToken);
        // Blobs the branch already holds are known to be stored (its history keeps them from gc): a re-commit of
        // unchanged data uploads nothing.
        var known = atStart.Select(e => e.Hash).ToHashSet(StringComparer.Ordinal);
        await using var lease = await CommitLease.TakeAsync(Store, cancellationToken);
        var uploader = new BlobUploader(Store, progress);
        var (entries, stats) = await uploader.UploadAsync(scan, known, cancellationToken);
        // A gc that removed some of the uploaded blobs meanwhile: upload the folder again before the next proposal.
        async Task UploadAgainAsync() => (entries, _) = await uploader.UploadAsync(scan, known, cancellationToken);
        var outcome = await _updater.UpdateAsync(branch, HookEvent.PreCommit, async (current, tree) =>
        {
            var existing = current.Id == startCommit.Id ? atStart : await ListUnderAsync(tree, prefix, cancellationToken);
            var changes = TreeStore.DiffSorted(existing, entries).Select(d => d.ToChange()).ToList();
            if (changes.Count == 0)
                return null;
            var after = await _trees.ApplyAsync(tree, changes, cancellationToken);
            return new BranchProposal([current.Id], after, message, metadata, "commit");
        }, cancellationToken, lease, UploadAgainAsync);
        return outcome with { Transfer = stats };
    }

    private async Task<List<Entry>> ListUnderAsync(Metarange tree, string prefix, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix, cancellationToken))
            entries.Add(entry);
        return entries;
    }

    /// <summary>
    /// Three-way merge of <paramref name="source"/> into branch <paramref name="destination"/>: fast-forward when the
    /// destination has not moved since the merge base, else a merge commit with two parents. Allowed on protected branches.
    /// </summary>
    public async Task<CommitOutcome> MergeAsync(string source, string destination, MergeStrategy strategy, string? message, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var sourceCommit = await ResolveAsync(source, cancellationToken);
        var sourceTree = await GetTreeAsync(sourceCommit, cancellationToken);
        return await _updater.UpdateAsync(destination, HookEvent.PreMerge, async (head, headTree) =>
        {
            var mergeBase = await MergeBaseAsync(head, sourceCommit, cancellationToken)
                ?? throw new OperationFailedException($"'{source}' and '{destination}' share no history; nothing to merge from.");
            if (mergeBase.Id == sourceCommit.Id)
                return null;
            if (mergeBase.Id == head.Id)
                return new BranchProposal([sourceCommit.Id], sourceTree, "", metadata, "fast-forward", sourceCommit.Id);
            var baseTree = await GetTreeAsync(mergeBase, cancellationToken);
            var theirs = await _trees.DiffAsync(baseTree, sourceTree, "", cancellationToken);
            var ours = (await _trees.DiffAsync(baseTree, headTree, "", cancellationToken)).ToDictionary(d => d.Path, StringComparer.Ordinal);
            var changes = new List<Change>();
            var conflicts = new List<string>();
            foreach (var change in theirs)
            {
                if (ours.TryGetValue(change.Path, out var mine) && mine.Right?.Hash != change.Right?.Hash)
                {
                    conflicts.Add(change.Path);
                    if (strategy != MergeStrategy.SourceWins)
                        continue;
                }

                changes.Add(change.ToChange());
            }

            if (conflicts.Count > 0 && strategy == MergeStrategy.Fail)
                throw new MergeConflictException($"Merging '{source}' into '{destination}' conflicts on {conflicts.Count} path(s) changed on both sides:\n  {string.Join("\n  ", conflicts)}\nResolve them on '{source}' or merge with --strategy source-wins|dest-wins.", conflicts);
            var tree = await _trees.ApplyAsync(headTree, changes, cancellationToken);
            return new BranchProposal([head.Id, sourceCommit.Id], tree, message ?? $"Merge '{source}' into '{destination}'", metadata, "merge");
        }, cancellationToken);
    }

    /// <summary>Commits the inverse of <paramref name="commit"/> onto <paramref name="branch"/>; refuses when the branch changed those paths since.</summary>
    public async Task<CommitOutcome> RevertAsync(string branch, string commit, CancellationToken cancellationToken)
    {
        var target = await ResolveAsync(commit, cancellationToken);
        if (target.Parents.Count == 0)
            throw new InvalidInputException($"Commit {target.Id[..12]} is the repository's first commit and has nothing to revert to.");
        var parent = await GetCommitAsync(target.Parents[0], cancellationToken);
        var undo = await _trees.DiffAsync(await GetTreeAsync(target, cancellationToken), await GetTreeAsync(parent, cancellationToken), "", cancellationToken);
        return await _updater.UpdateAsync(branch, HookEvent.PreCommit, async (head, headTree) =>
        {
            var conflicts = new List<string>();
            foreach (var change in undo)
            {
                var current = await _trees.FindAsync(headTree, change.Path, cancellationToken);
                if (current?.Hash != change.Left?.Hash)
                    conflicts.Add(change.Path);
            }

            if (conflicts.Count > 0)
                throw new MergeConflictException($"Cannot revert {target.Id[..12]} on '{branch}': {conflicts.Count} path(s) changed again since:\n  {string.Join("\n  ", conflicts)}", conflicts);
            var tree = await _trees.ApplyAsync(headTree, [.. undo.Select(d => d.ToChange())], cancellationToken);
            return new BranchProposal([head.Id], tree, $"Revert {target.Id[..12]}: {target.Message}", new Dictionary<string, string> { ["reverts"] = target.Id }, "revert");
        }, cancellationToken);
    }

    /// <summary>Differences between two refs, sorted by path, optionally under a prefix.</summary>
    public async Task<IReadOnlyList<DiffEntry>> DiffAsync(string left, string right, string prefix, CancellationToken cancellationToken)
    {
        var leftTree = await GetTreeAsync(await ResolveAsync(left, cancellationToken), cancellationToken);
        var rightTree = await GetTreeAsync(await ResolveAsync(right, cancellationToken), cancellationToken);
        return await _trees.DiffAsync(leftTree, rightTree, PathRules.NormalizePrefix(prefix), cancellationToken);
    }

    private static List<Change> Normalize(IEnumerable<Change> changes)
    {
        var byPath = new SortedDictionary<string, Change>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            PathRules.Validate(change.Path);
            byPath[change.Path] = change;
        }

        return [.. byPath.Values];
    }

    private async Task<List<Change>> EffectiveChangesAsync(Metarange tree, List<Change> changes, CancellationToken cancellationToken)
    {
        // Drop no-op changes so an unchanged re-commit creates no commit.
        var effective = new List<Change>(changes.Count);
        foreach (var change in changes)
        {
            var current = await _trees.FindAsync(tree, change.Path, cancellationToken);
            if (current?.Hash != change.Entry?.Hash)
                effective.Add(change);
        }

        return effective;
    }
}
