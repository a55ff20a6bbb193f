using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// Finds the data commit of a pull request's git merge base: each data commit that <c>mlops pr merge</c> makes on main
/// (and each sync commit a fast-forward brings there) records the git sha it came from (<see cref="RunTags.GitSha"/>).
/// Walking main's first-parent history newest first, the base is the first commit whose git sha is the merge base or an
/// ancestor of it (asked through the compare API). Commits whose git sha is not in the pull request's history are
/// merges it lacks and are skipped; a commit with no git sha below such a merge (data committed by hand before it) is
/// taken as the base. When nothing maps, main's head stands in, and the reason says so.
/// </summary>
internal sealed class DataBaseResolver(Repository repository, IPullRequestHost host)
{
    // Each ancestry question is one API call; a long history without a mapped commit is not worth more.
    internal const int MaxComparisons = 20;
    private const int MaxWalk = 500;

    public async Task<DataBase> ResolveAsync(string dataBranch, string mainBranch, string gitBase, string headSha, CancellationToken cancellationToken)
    {
        var main = await repository.ResolveAsync(mainBranch, cancellationToken);
        DataBase Fallback(string why) => new(main, false, $"{dataBranch} starts from {mainBranch}'s head {Short(main.Id)}: {why}");
        GitComparison? comparison;
        try
        {
            comparison = await host.CompareAsync(gitBase, headSha, cancellationToken);
        }
        catch (PullRequestPermissionException e)
        {
            // A token without contents: read cannot follow git; the data branch works as before rather than not at all.
            return Fallback($"the git merge base could not be read: {e.Message}");
        }

        if (comparison is null)
            return Fallback($"the code host knows no git merge base of {gitBase} and {Short(headSha, 7)}");
        var mergeBase = comparison.MergeBaseSha;
        var follows = $"{dataBranch} follows git: merge base {Short(mergeBase, 7)} of {gitBase} and {Short(headSha, 7)}";
        var ancestry = new Dictionary<string, bool>(StringComparer.Ordinal);
        var skipped = 0;
        var commit = main;
        for (var walked = 0; walked < MaxWalk; walked++)
        {
            if (commit.Metadata.TryGetValue(RunTags.GitSha, out var sha) && sha.Length > 0)
            {
                if (string.Equals(sha, mergeBase, StringComparison.OrdinalIgnoreCase))
                    return new DataBase(commit, true, $"{follows} is data commit {Short(commit.Id)} of {mainBranch} (it records that git commit)");
                if (!ancestry.TryGetValue(sha, out var isAncestor))
                {
                    if (ancestry.Count >= MaxComparisons)
                        return Fallback($"no data commit among the newest {MaxComparisons} git shas main records is git merge base {Short(mergeBase, 7)} or an ancestor of it");
                    // Unknown to the host (null) means not in the pull request's history: the merge base's ancestors exist.
                    isAncestor = ancestry[sha] = (await host.CompareAsync(sha, mergeBase, cancellationToken))?.BaseIsAncestorOfHead ?? false;
                }

                if (isAncestor)
                    return new DataBase(commit, true, $"{follows} is data commit {Short(commit.Id)} of {mainBranch} (it records git commit {Short(sha, 7)}, an ancestor of the merge base)");
                skipped++;
            }
            else if (skipped > 0)
            {
                return new DataBase(commit, true, $"{follows}: data commit {Short(commit.Id)} of {mainBranch}, the newest below the {skipped} data commit(s) whose git commits the pull request lacks (it records no git sha)");
            }
            else
            {
                break;
            }

            if (commit.Parents.Count == 0)
                break;
            commit = await repository.GetCommitAsync(commit.Parents[0], cancellationToken);
        }

        return Fallback($"no data commit of {mainBranch} records git merge base {Short(mergeBase, 7)} or an ancestor of it");
    }

    private static string Short(string id, int length = 12) => id.Length <= length ? id : id[..length];
}
