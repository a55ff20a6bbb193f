namespace MlopsCi.Testing.FakeGitHub;

/// <summary>The fake's answer to <c>GET /repos/{o}/{r}/compare/{base}...{head}</c>, before it is shaped as GitHub's JSON.</summary>
/// <param name="BaseSha">The base side, resolved to a commit.</param>
/// <param name="MergeBaseSha">The best common ancestor.</param>
/// <param name="HeadSha">The head side, resolved to a commit.</param>
/// <param name="Status">identical, ahead, behind or diverged (GitHub's words: how head relates to base).</param>
/// <param name="AheadBy">Commits head has that base lacks.</param>
/// <param name="BehindBy">Commits base has that head lacks.</param>
/// <param name="Commits">The commits head has that base lacks.</param>
/// <param name="Parents">The parents of every commit the answer shows (base, merge base, commits).</param>
public sealed record FakeComparison(string BaseSha, string MergeBaseSha, string HeadSha, string Status, int AheadBy, int BehindBy, IReadOnlyList<string> Commits, IReadOnlyDictionary<string, IReadOnlyList<string>> Parents);
