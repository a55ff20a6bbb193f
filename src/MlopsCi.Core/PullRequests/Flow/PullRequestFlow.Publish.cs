using MlopsCi.Core.Reporting;

namespace MlopsCi.Core.PullRequests.Flow;

public sealed partial class PullRequestFlow
{
    /// <summary>The length of the full report (the step summary allows 1 MiB); the comment holds the version that fits GitHub's limit.</summary>
    public const int FullReportLength = 900_000;

    private async Task<CommentRef?> PublishAsync(PullRequestContext context, PullRequestReport report, (CommitStatusState State, string Description)? status, CancellationToken cancellationToken)
    {
        report = report with { RunUrl = context.RunUrl ?? report.RunUrl };
        await _output.WriteSummaryAsync(ReportMarkdown.Render(report, FullReportLength), cancellationToken);
        CommentRef? comment = null;
        try
        {
            comment = await _host.UpsertCommentAsync(context.Number, ReportMarkdown.Marker(report.ModelName), ReportMarkdown.Render(report), cancellationToken);
            _output.Step($"{(comment.Created ? "posted" : "updated")} the report comment: {comment.HtmlUrl}");
            await _output.SetOutputAsync("comment-url", comment.HtmlUrl.ToString(), cancellationToken);
        }
        catch (PullRequestPermissionException e)
        {
            _output.Warning($"The report could not be posted on pull request #{context.Number} ({e.Message}); it is in the step summary instead. A pull request from a fork gets a read-only token.");
        }

        if (status is { } s)
            await SetStatusAsync(context, report.ModelName, s.State, s.Description, cancellationToken);
        return comment;
    }

    // Every status links the workflow run, whose log and step summary say more than a 140-character description can.
    private async Task SetStatusAsync(PullRequestContext context, string model, CommitStatusState state, string description, CancellationToken cancellationToken)
    {
        try
        {
            await _host.SetCommitStatusAsync(context.HeadSha, StatusContext(model), state, description, context.RunUrl, cancellationToken);
        }
        catch (PullRequestPermissionException e)
        {
            _output.Warning($"The commit status {StatusContext(model)} could not be set ({e.Message}); see the step summary.");
        }
    }
}
