using MlopsCi.Core.Reporting;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// Shows a report where reviewers look: the full version in the step summary, the version that fits GitHub's limit as
/// the pull request's comment (found again by its marker and updated in place), and optionally a commit status. A
/// read-only token (a fork's) is a warning, not a failure: the step summary still has the report.
/// </summary>
internal sealed class ReportPublisher(IPullRequestHost host, IFlowOutput output)
{
    /// <summary>Publishes <paramref name="report"/>; returns the comment, or null when it could not be posted.</summary>
    public async Task<CommentRef?> PublishAsync(PullRequestContext context, PullRequestReport report, (CommitStatusState State, string Description)? status, CancellationToken cancellationToken)
    {
        report = report with { RunUrl = context.RunUrl ?? report.RunUrl };
        await output.WriteSummaryAsync(ReportMarkdown.Render(report, PullRequestFlow.FullReportLength), cancellationToken);
        CommentRef? comment = null;
        try
        {
            comment = await host.UpsertCommentAsync(context.Number, ReportMarkdown.Marker(report.ModelName), ReportMarkdown.Render(report), cancellationToken);
            output.Step($"{(comment.Created ? "posted" : "updated")} the report comment: {comment.HtmlUrl}");
            await output.SetOutputAsync("comment-url", comment.HtmlUrl.ToString(), cancellationToken);
        }
        catch (PullRequestPermissionException e)
        {
            output.Warning($"The report could not be posted on pull request #{context.Number} ({e.Message}); it is in the step summary instead. A pull request from a fork gets a read-only token.");
        }

        if (status is { } s)
            await SetStatusAsync(context, report.ModelName, s.State, s.Description, cancellationToken);
        return comment;
    }

    /// <summary>Sets the model's commit status on the head commit, linking the workflow run.</summary>
    // Every status links the workflow run, whose log and step summary say more than a 140-character description can.
    public async Task SetStatusAsync(PullRequestContext context, string model, CommitStatusState state, string description, CancellationToken cancellationToken)
    {
        try
        {
            await host.SetCommitStatusAsync(context.HeadSha, PullRequestFlow.StatusContext(model), state, description, context.RunUrl, cancellationToken);
        }
        catch (PullRequestPermissionException e)
        {
            output.Warning($"The commit status {PullRequestFlow.StatusContext(model)} could not be set ({e.Message}); see the step summary.");
        }
    }
}
