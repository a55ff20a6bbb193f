namespace MlopsCi.GitHub.Internal;

// One API call described for error messages: what was attempted and which workflow permission it needs.
internal sealed record GitHubOperation(string Description, string RequiredPermission)
{
    public static GitHubOperation ReadPullRequest(int number) =>
        new($"reading pull request #{number}", "pull-requests: read");

    public static GitHubOperation ListReviews(int number) =>
        new($"listing the reviews of pull request #{number}", "pull-requests: read");

    public static GitHubOperation ListComments(int number) =>
        new($"listing the comments of pull request #{number}", "pull-requests: read");

    public static GitHubOperation CreateComment(int number) =>
        new($"creating the report comment on pull request #{number}", "pull-requests: write");

    public static GitHubOperation EditComment(int number, long commentId) =>
        new($"editing comment {commentId} on pull request #{number}", "pull-requests: write");

    public static GitHubOperation SetStatus(string context, string sha) =>
        new($"setting commit status '{context}' on {sha}", "statuses: write");

    public static GitHubOperation ReadFile(string path, string gitRef) =>
        new($"reading {path} at {gitRef}", "contents: read");

    public static GitHubOperation Compare(string baseRef, string headRef) =>
        new($"comparing {baseRef}...{headRef} (the pull request's git merge base)", "contents: read");

    public static GitHubOperation ReadOwnUser() =>
        new("reading the token's own user (GET /user) to find the report comment it wrote", "none");
}
