using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>The data commit a pull request's data branch starts from, and why.</summary>
/// <param name="Commit">A data commit of main.</param>
/// <param name="FollowsGit">
/// True when <paramref name="Commit"/> was found from the pull request's git merge base (the data branch is rebuilt
/// when it moves); false when the merge base could not be mapped and main's head stands in.
/// </param>
/// <param name="Reason">One line for the log saying which commit and why.</param>
public sealed record DataBase(Commit Commit, bool FollowsGit, string Reason);
