using System.Text.Json;

namespace MlopsCi.Testing.FakeGitHub;

/// <summary>GitHub REST shapes (snake_case) for the fake's entities.</summary>
internal static class FakeGitHubJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static object User(string login) => new
    {
        Login = login,
        Id = StableId(login),
        Type = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        HtmlUrl = $"https://github.example/{login}",
    };

    public static object Repository(string fullName, bool fork) => new
    {
        Id = StableId(fullName),
        Name = fullName.Split('/')[^1],
        FullName = fullName,
        Owner = User(fullName.Split('/')[0]),
        Fork = fork,
        Private = false,
        HtmlUrl = $"https://github.example/{fullName}",
    };

    public static object PullRequest(string api, string repo, FakePullRequest pr)
    {
        var headRepo = pr.HeadRepository ?? repo;
        var fork = !string.Equals(headRepo, repo, StringComparison.OrdinalIgnoreCase);
        return new
        {
            Id = 100_000 + pr.Number,
            NodeId = $"PR_{pr.Number}",
            Number = pr.Number,
            State = pr.State,
            Title = pr.Title,
            User = User(pr.Author),
            Url = $"{api}repos/{repo}/pulls/{pr.Number}",
            HtmlUrl = $"https://github.example/{repo}/pull/{pr.Number}",
            Head = new { Label = $"{headRepo.Split('/')[0]}:{pr.HeadRef}", Ref = pr.HeadRef, Sha = pr.HeadSha, Repo = Repository(headRepo, fork) },
            Base = new { Label = $"{repo.Split('/')[0]}:{pr.BaseRef}", Ref = pr.BaseRef, Sha = pr.BaseSha, Repo = Repository(repo, false) },
            Merged = pr.Merged,
            MergedAt = pr.Merged ? "2024-05-01T12:00:00Z" : null,
            Draft = false,
            CreatedAt = "2024-05-01T10:00:00Z",
            UpdatedAt = "2024-05-01T11:00:00Z",
        };
    }

    public static object Review(string repo, int number, FakeReview review) => new
    {
        review.Id,
        NodeId = $"PRR_{review.Id}",
        User = User(review.User),
        Body = string.Empty,
        review.State,
        HtmlUrl = $"https://github.example/{repo}/pull/{number}#pullrequestreview-{review.Id}",
        CommitId = review.CommitId,
        SubmittedAt = review.SubmittedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        AuthorAssociation = "MEMBER",
    };

    public static object Comment(string api, string repo, FakeComment comment) => new
    {
        comment.Id,
        NodeId = $"IC_{comment.Id}",
        Url = $"{api}repos/{repo}/issues/comments/{comment.Id}",
        HtmlUrl = $"https://github.example/{repo}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}",
        IssueUrl = $"{api}repos/{repo}/issues/{comment.IssueNumber}",
        comment.Body,
        User = User(comment.User),
        CreatedAt = comment.CreatedAt,
        UpdatedAt = comment.UpdatedAt,
        AuthorAssociation = "NONE",
    };

    public static object Status(string api, string repo, FakeStatus status) => new
    {
        status.Id,
        NodeId = $"SC_{status.Id}",
        Url = $"{api}repos/{repo}/statuses/{status.Sha}",
        status.State,
        status.Description,
        status.TargetUrl,
        status.Context,
        CreatedAt = "2024-05-01T12:00:00Z",
        UpdatedAt = "2024-05-01T12:00:00Z",
        Creator = User("github-actions[bot]"),
    };

    // GitHub's "Compare two commits" response (https://docs.github.com/rest/commits/commits#compare-two-commits; the
    // OpenAPI schema "commit-comparison"): the base and merge-base commits, status, ahead/behind counts, commits, files.
    public static object Comparison(string api, string repo, string basehead, FakeComparison c) => new
    {
        Url = $"{api}repos/{repo}/compare/{basehead}",
        HtmlUrl = $"https://github.example/{repo}/compare/{basehead}",
        PermalinkUrl = $"https://github.example/{repo}/compare/{c.BaseSha[..7]}...{c.HeadSha[..7]}",
        DiffUrl = $"https://github.example/{repo}/compare/{basehead}.diff",
        PatchUrl = $"https://github.example/{repo}/compare/{basehead}.patch",
        BaseCommit = GitCommit(api, repo, c.BaseSha, c.Parents[c.BaseSha]),
        MergeBaseCommit = GitCommit(api, repo, c.MergeBaseSha, c.Parents[c.MergeBaseSha]),
        c.Status,
        c.AheadBy,
        c.BehindBy,
        TotalCommits = c.AheadBy,
        Commits = c.Commits.Select(sha => GitCommit(api, repo, sha, c.Parents[sha])).ToList(),
        Files = Array.Empty<object>(),
    };

    // The "commit" schema as the compare API embeds it.
    public static object GitCommit(string api, string repo, string sha, IReadOnlyList<string> parents)
    {
        var person = new { Name = "Mona Lisa", Email = "mona@github.example", Date = "2024-05-01T10:00:00Z" };
        return new
        {
            Url = $"{api}repos/{repo}/commits/{sha}",
            Sha = sha,
            NodeId = $"C_{sha[..Math.Min(10, sha.Length)]}",
            HtmlUrl = $"https://github.example/{repo}/commit/{sha}",
            CommentsUrl = $"{api}repos/{repo}/commits/{sha}/comments",
            Commit = new
            {
                Url = $"{api}repos/{repo}/git/commits/{sha}",
                Author = person,
                Committer = person,
                Message = $"Commit {sha[..7]}",
                Tree = new { Sha = new string('e', 40), Url = $"{api}repos/{repo}/git/trees/{new string('e', 40)}" },
                CommentCount = 0,
                Verification = new { Verified = false, Reason = "unsigned", Signature = (string?)null, Payload = (string?)null },
            },
            Author = User("monalisa"),
            Committer = User("monalisa"),
            Parents = parents.Select(p => new { Sha = p, Url = $"{api}repos/{repo}/commits/{p}", HtmlUrl = $"https://github.example/{repo}/commit/{p}" }).ToList(),
        };
    }

    public static object Error(string message, IReadOnlyList<object>? errors = null) => errors is null
        ? (object)new { Message = message, DocumentationUrl = "https://docs.github.com/rest" }
        : new { Message = message, Errors = errors, DocumentationUrl = "https://docs.github.com/rest" };

    // string.GetHashCode is randomised per process; ids in responses should not be.
    private static long StableId(string text) => text.Aggregate(17L, (hash, c) => ((hash * 31) + c) % 1_000_000_007);
}
