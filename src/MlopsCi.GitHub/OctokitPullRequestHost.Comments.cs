using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Internal;
using Octokit;

namespace MlopsCi.GitHub;

public sealed partial class OctokitPullRequestHost
{
    /// <summary>The login the workflow's GITHUB_TOKEN writes as.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    private string? ownLogin;

    /// <inheritdoc />
    public async Task<CommentRef> UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Contains(marker, StringComparison.Ordinal) ? body : marker + "\n" + body;
        if (text.Length > PullRequestLimits.MaxCommentLength)
        {
            throw new InvalidInputException(
                $"The comment for pull request #{number} is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} " +
                $"characters; GitHub accepts at most {PullRequestLimits.MaxCommentLength.ToString("N0", CultureInfo.InvariantCulture)}. " +
                "Render a shorter report (truncate tables) before posting it.");
        }

        var existing = await FindCommentAsync(number, marker, cancellationToken);
        if (existing is null)
        {
            var created = await CallAsync(
                GitHubOperation.CreateComment(number),
                () => client.Issue.Comment.Create(options.Owner, options.Name, number, text),
                cancellationToken);
            return new CommentRef(created.Id, new Uri(created.HtmlUrl), Created: true);
        }

        var updated = await CallAsync(
            GitHubOperation.EditComment(number, existing.Id),
            () => client.Issue.Comment.Update(options.Owner, options.Name, existing.Id, text),
            cancellationToken);
        return new CommentRef(updated.Id, new Uri(updated.HtmlUrl), Created: false);
    }

    // Pages one at a time and stops at the first comment holding the marker that the token's own user wrote (a person
    // quoting the marker must never have their comment overwritten): it is usually on page 1.
    private async Task<IssueComment?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken)
    {
        var self = await OwnLoginAsync(cancellationToken);
        for (var page = 1; ; page++)
        {
            var apiOptions = new ApiOptions { PageSize = pageSize, StartPage = page, PageCount = 1 };
            var comments = await CallAsync(
                GitHubOperation.ListComments(number),
                () => client.Issue.Comment.GetAllForIssue(options.Owner, options.Name, number, apiOptions),
                cancellationToken);
            var match = comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true
                && string.Equals(c.User?.Login, self, StringComparison.OrdinalIgnoreCase));
            if (match is not null || comments.Count < pageSize)
            {
                return match;
            }
        }
    }

    // GET /user names a personal token's user; the workflow's GITHUB_TOKEN (an installation token) gets 403 there and
    // writes as github-actions[bot].
    private async Task<string> OwnLoginAsync(CancellationToken cancellationToken)
    {
        if (ownLogin is not null)
            return ownLogin;
        try
        {
            var user = await CallAsync(GitHubOperation.ReadOwnUser(), () => client.User.Current(), cancellationToken);
            return ownLogin = user.Login;
        }
        catch (PullRequestHostException e) when (e.InnerException is ForbiddenException or NotFoundException)
        {
            return ownLogin = ActionsBotLogin;
        }
    }
}
