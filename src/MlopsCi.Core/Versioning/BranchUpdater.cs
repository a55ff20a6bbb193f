using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// The one place a branch moves: read the head, build a proposal, validate it, write the commit, compare-and-swap the
/// ref; on a lost race start again from the new head. Holds a commit lease throughout so a concurrent gc keeps what the
/// commit writes or reuses, and checks after a gc ran that nothing it needs was removed.
/// </summary>
internal sealed class BranchUpdater(Repository repository, IRefStore refs, CommitStore commits, TreeStore trees)
{
    private const int MaxCasAttempts = 200;

    /// <summary>
    /// Moves <paramref name="branch"/> to what <paramref name="propose"/> makes of its head (null: nothing to do). With
    /// <paramref name="lease"/> the caller's lease is used (it uploaded blobs under it), and <paramref name="rewriteAfterGc"/>
    /// uploads them again when a gc removed some.
    /// </summary>
    public async Task<CommitOutcome> UpdateAsync(
        string branch, HookEvent hookEvent, Func<Commit, Metarange, Task<BranchProposal?>> propose, CancellationToken cancellationToken, CommitLease? lease = null, Func<Task>? rewriteAfterGc = null)
    {
        RefNames.Validate(branch, "branch");
        CommitLease? ownLease = lease is null ? await CommitLease.TakeAsync(repository.Store, cancellationToken) : null;
        await using (ownLease)
            return await UpdateAsync(branch, hookEvent, propose, lease ?? ownLease!, rewriteAfterGc, cancellationToken);
    }

    private async Task<CommitOutcome> UpdateAsync(
        string branch, HookEvent hookEvent, Func<Commit, Metarange, Task<BranchProposal?>> propose, CommitLease lease, Func<Task>? rewriteAfterGc, CancellationToken cancellationToken)
    {
        var gcRaces = 0;
        for (var attempt = 1; ; attempt++)
        {
            var head = await refs.TryGetBranchAsync(branch, cancellationToken) ?? throw NoSuchBranch(branch, repository.Info.DefaultBranch);
            if (head.Ref.Protected && hookEvent == HookEvent.PreCommit)
                throw RefStore.ProtectedBranch(branch);
            var headCommit = await commits.GetAsync(head.Ref.Commit, cancellationToken);
            var before = await commits.GetTreeAsync(headCommit, cancellationToken);
            var proposal = await propose(headCommit, before);
            if (proposal is null)
                return new CommitOutcome(headCommit, false, [], "none");
            var changes = await trees.DiffAsync(before, proposal.Tree, "", cancellationToken);
            if (repository.Options.Validator is { } validator && changes.Count > 0)
                await validator.ValidateAsync(new ValidationContext(hookEvent, branch, headCommit, before, proposal.Tree, changes, repository), cancellationToken);
            var commit = proposal.FastForwardTo is { } target
                ? await commits.GetAsync(target, cancellationToken)
                : await commits.WriteAsync(proposal.Parents, proposal.Tree, proposal.Message, proposal.Metadata, cancellationToken);
            if (await MissingAfterGcAsync(lease, before, proposal.Tree, commit, changes, cancellationToken) is { Count: > 0 } missing)
            {
                // A gc removed objects this commit reuses: write them again (the folder's blobs through the uploader;
                // ranges, metarange and commit by proposing again), or give up without moving the ref.
                if (++gcRaces > 3 || (missing.Any(k => k.StartsWith(StoreLayout.Blobs, StringComparison.Ordinal)) && rewriteAfterGc is null))
                    throw new OperationFailedException($"A concurrent 'mlops data gc' removed {missing.Count} object(s) this change needs (e.g. {missing[0]}); branch '{branch}' was not moved. Run the command again.");
                if (rewriteAfterGc is not null)
                    await rewriteAfterGc();
                continue;
            }

            if (await refs.TryAdvanceAsync(branch, head.Ref, head.Tag, commit.Id, cancellationToken))
                return new CommitOutcome(commit, true, changes, proposal.Kind);
            if (attempt >= MaxCasAttempts)
                throw new OperationFailedException($"Branch '{branch}' kept changing under concurrent writers; gave up after {attempt} attempts. Retry the operation.");
            await Task.Delay(Random.Shared.Next(1, Math.Min(50, 2 * attempt)), cancellationToken);
        }
    }

    /// <summary>
    /// If a gc ran during this commit (waiting for it to end), the keys of objects the new commit adds to the branch that
    /// are no longer stored; empty otherwise. Objects the branch already had are kept by its history.
    /// </summary>
    private async Task<List<string>> MissingAfterGcAsync(CommitLease lease, Metarange before, Metarange after, Commit commit, IReadOnlyList<DiffEntry> changes, CancellationToken cancellationToken)
    {
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        while (await lease.GcRanAsync(cancellationToken))
        {
            var oldRanges = before.Ranges.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var keys = changes.Where(c => c.Right is not null).Select(c => StoreLayout.BlobKey(c.Right!.Hash))
                .Concat(after.Ranges.Where(r => !oldRanges.Contains(r.Id)).Select(r => StoreLayout.RangeKey(r.Id)))
                .Append(StoreLayout.MetarangeKey(commit.Metarange)).Append(StoreLayout.CommitKey(commit.Id))
                .Distinct(StringComparer.Ordinal);
            var options = new ParallelOptions { MaxDegreeOfParallelism = repository.Store.TransferParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(keys, options, async (key, ct) =>
            {
                if (!await repository.Store.ExistsAsync(key, ct))
                    missing.Add(key);
            });
        }

        return [.. missing.Order(StringComparer.Ordinal)];
    }

    /// <summary>Why a commit to a branch that does not exist is refused, with how to create it.</summary>
    public static InvalidInputException NoSuchBranch(string branch, string defaultBranch) =>
        new($"There is no branch '{branch}'. Create it with 'mlops data branch create {branch} --from {defaultBranch}'.");
}
