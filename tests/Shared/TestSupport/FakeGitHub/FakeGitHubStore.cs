namespace MlopsCi.Testing.FakeGitHub;

/// <summary>The fake's state: pull requests, reviews, comments and statuses per repository, guarded by one lock.</summary>
public sealed class FakeGitHubStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Repo, int Number), FakePullRequest> pulls = [];
    private readonly List<(string Repo, int Number, FakeReview Review)> reviews = [];
    private readonly List<(string Repo, FakeComment Comment)> comments = [];
    private readonly List<(string Repo, FakeStatus Status)> statuses = [];
    private readonly Dictionary<(string Repo, string Sha, string Path), string> files = [];
    private long nextId = 1000;

    /// <summary>
    /// The login GET /user answers and comments are created as; null plays the workflow's GITHUB_TOKEN: GET /user is
    /// 403 "Resource not accessible by integration" and comments are written by github-actions[bot].
    /// </summary>
    public string? TokenUser { get; set; }

    /// <summary>The git history the compare API answers from.</summary>
    public FakeGitGraph Git { get; } = new();

    public void AddPullRequest(string repo, FakePullRequest pr)
    {
        lock (gate)
        {
            pulls[(Key(repo), pr.Number)] = pr;
        }
    }

    public FakePullRequest? PullRequest(string repo, int number)
    {
        lock (gate)
        {
            return pulls.GetValueOrDefault((Key(repo), number));
        }
    }

    public FakeReview AddReview(string repo, int number, FakeReview review)
    {
        lock (gate)
        {
            var stored = review.Id == 0 ? review with { Id = ++nextId } : review;
            reviews.Add((Key(repo), number, stored));
            return stored;
        }
    }

    public IReadOnlyList<FakeReview> Reviews(string repo, int number)
    {
        lock (gate)
        {
            return [.. reviews.Where(r => r.Repo == Key(repo) && r.Number == number).Select(r => r.Review)];
        }
    }

    public FakeComment AddComment(string repo, int number, string body, string user)
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            var comment = new FakeComment(++nextId, number, body, user, now, now);
            comments.Add((Key(repo), comment));
            return comment;
        }
    }

    public IReadOnlyList<FakeComment> Comments(string repo, int number)
    {
        lock (gate)
        {
            return [.. comments.Where(c => c.Repo == Key(repo) && c.Comment.IssueNumber == number).Select(c => c.Comment)];
        }
    }

    public FakeComment? EditComment(string repo, long id, string body)
    {
        lock (gate)
        {
            var index = comments.FindIndex(c => c.Repo == Key(repo) && c.Comment.Id == id);
            if (index < 0)
            {
                return null;
            }

            var edited = comments[index].Comment with { Body = body, UpdatedAt = DateTimeOffset.UtcNow };
            comments[index] = (Key(repo), edited);
            return edited;
        }
    }

    public FakeStatus AddStatus(string repo, string sha, string state, string? context, string? description, string? targetUrl)
    {
        lock (gate)
        {
            var status = new FakeStatus(++nextId, sha, state, context, description, targetUrl);
            statuses.Add((Key(repo), status));
            return status;
        }
    }

    public IReadOnlyList<FakeStatus> Statuses(string repo)
    {
        lock (gate)
        {
            return [.. statuses.Where(s => s.Repo == Key(repo)).Select(s => s.Status)];
        }
    }

    /// <summary>Puts a file into the repository's tree at commit <paramref name="sha"/> (the contents API serves it).</summary>
    public void AddFile(string repo, string sha, string path, string content)
    {
        lock (gate)
        {
            files[(Key(repo), sha, path)] = content;
        }
    }

    public string? File(string repo, string sha, string path)
    {
        lock (gate)
        {
            return files.GetValueOrDefault((Key(repo), sha, path));
        }
    }

    private static string Key(string repo) => repo.ToUpperInvariant();
}
