namespace MlopsCi.Testing.FakeGitHub;

/// <summary>
/// The git history the compare route answers from, per repository: commits with their parents and branch heads. A
/// test draws the graph a real repository would have (branch, merge, push) and the fake computes merge bases and
/// ahead/behind counts the way git does.
/// </summary>
public sealed class FakeGitGraph
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Repo, string Sha), string[]> parents = [];
    private readonly Dictionary<(string Repo, string Branch), string> branches = [];

    /// <summary>Adds a commit whose parents must be added first (a root has none).</summary>
    public void AddCommit(string repo, string sha, params string[] parentShas)
    {
        lock (gate)
        {
            foreach (var parent in parentShas)
            {
                if (!parents.ContainsKey((Key(repo), parent)))
                {
                    throw new InvalidOperationException($"Add parent {parent} before {sha}.");
                }
            }

            parents[(Key(repo), sha)] = parentShas;
        }
    }

    /// <summary>Points a branch at a commit (a push).</summary>
    public void SetBranch(string repo, string branch, string sha)
    {
        lock (gate)
        {
            branches[(Key(repo), branch)] = sha;
        }
    }

    /// <summary>
    /// git's view of <c>base...head</c>: null when either side is unknown or they share no history (GitHub answers 404).
    /// The merge base is the best common ancestor (one no other common ancestor descends from; the deepest if several).
    /// </summary>
    public FakeComparison? Compare(string repo, string baseRef, string headRef)
    {
        lock (gate)
        {
            if (Resolve(repo, baseRef) is not { } baseSha || Resolve(repo, headRef) is not { } headSha)
            {
                return null;
            }

            var fromBase = Ancestors(repo, baseSha);
            var fromHead = Ancestors(repo, headSha);
            var common = fromBase.Keys.Where(fromHead.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (common.Count == 0)
            {
                return null;
            }

            var best = common.Where(c => !common.Any(other => other != c && Ancestors(repo, other).ContainsKey(c)))
                .OrderByDescending(c => fromHead[c]).ThenBy(c => c, StringComparer.Ordinal).First();
            // GitHub lists the commits oldest first.
            var ahead = fromHead.Keys.Where(c => !fromBase.ContainsKey(c)).OrderBy(c => fromHead[c]).ThenBy(c => c, StringComparer.Ordinal).ToList();
            var behind = fromBase.Keys.Count(c => !fromHead.ContainsKey(c));
            var status = (ahead.Count, behind) switch
            {
                (0, 0) => "identical",
                (_, 0) => "ahead",
                (0, _) => "behind",
                _ => "diverged",
            };
            var shown = ahead.Append(baseSha).Append(best).Distinct(StringComparer.Ordinal);
            return new FakeComparison(baseSha, best, headSha, status, ahead.Count, behind, ahead, shown.ToDictionary(c => c, c => (IReadOnlyList<string>)parents[(Key(repo), c)], StringComparer.Ordinal));
        }
    }

    private string? Resolve(string repo, string reference) =>
        branches.TryGetValue((Key(repo), reference), out var sha) ? sha
            : parents.ContainsKey((Key(repo), reference)) ? reference
            : null;

    // Every ancestor (the commit included) with its distance from the commit, for ordering: nearer is newer.
    private Dictionary<string, int> Ancestors(string repo, string sha)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [sha] = 0 };
        var queue = new Queue<string>([sha]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var parent in parents[(Key(repo), current)])
            {
                if (distance.TryAdd(parent, distance[current] + 1))
                {
                    queue.Enqueue(parent);
                }
            }
        }

        // Newest first is what the caller sorts by: invert so larger means newer.
        var deepest = distance.Values.Max();
        return distance.ToDictionary(p => p.Key, p => deepest - p.Value, StringComparer.Ordinal);
    }

    private static string Key(string repo) => repo.ToUpperInvariant();
}
