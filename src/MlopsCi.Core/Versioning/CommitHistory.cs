namespace MlopsCi.Core.Versioning;

/// <summary>Walks the commit graph by generation number: the log of a ref and the merge base of two commits.</summary>
internal sealed class CommitHistory(CommitStore commits)
{
    /// <summary>Commits reachable from <paramref name="start"/>, newest generation first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<Commit>> LogAsync(Commit start, int max, CancellationToken cancellationToken)
    {
        var result = new List<Commit>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var queue = new PriorityQueue<Commit, (int, long)>();
        queue.Enqueue(start, Priority(start));
        while (queue.TryDequeue(out var commit, out _) && result.Count < max)
        {
            result.Add(commit);
            foreach (var parent in commit.Parents)
            {
                if (seen.Add(parent))
                {
                    var loaded = await commits.GetAsync(parent, cancellationToken);
                    queue.Enqueue(loaded, Priority(loaded));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The best common ancestor of two commits, walking down by generation number: every child of a commit is visited
    /// before it, so the first commit reached from both sides is a merge base.
    /// </summary>
    public async Task<Commit?> MergeBaseAsync(Commit left, Commit right, CancellationToken cancellationToken)
    {
        var flags = new Dictionary<string, int>(StringComparer.Ordinal) { [left.Id] = 1 };
        flags[right.Id] = flags.GetValueOrDefault(right.Id) | 2;
        var queue = new PriorityQueue<Commit, (int, long)>();
        queue.Enqueue(left, Priority(left));
        if (right.Id != left.Id)
            queue.Enqueue(right, Priority(right));
        while (queue.TryDequeue(out var commit, out _))
        {
            var mark = flags[commit.Id];
            if (mark == 3)
                return commit;
            foreach (var parent in commit.Parents)
            {
                var known = flags.TryGetValue(parent, out var existing);
                flags[parent] = existing | mark;
                if (!known)
                {
                    var loaded = await commits.GetAsync(parent, cancellationToken);
                    queue.Enqueue(loaded, Priority(loaded));
                }
            }
        }

        return null;
    }

    private static (int, long) Priority(Commit commit) => (-commit.Generation, -commit.Time.UtcTicks);
}
