using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// The merge step: checks the pull request is merged or approved at its head, brings the sync up to date, merges the
/// data branch into main and promotes the candidate (registration, <c>champion</c> by compare-and-swap, the promoted
/// spec), or refuses and says why in the comment.
/// </summary>
internal sealed class PullRequestMerge(
    Repository repository, IPullRequestHost host, IModelPipeline pipeline, IFlowOutput output, PullRequestRecordStore records, PromotedSpecStore promotedSpecs,
    PullRequestSync sync, ReportPublisher publisher, TimeProvider time)
{
    private string MainBranch => repository.Info.DefaultBranch;

    /// <summary>Runs the merge step (see <see cref="PullRequestFlow.MergeAsync"/>).</summary>
    public async Task<FlowResult> MergeAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        var model = context.Spec.RequireModel().Name;
        var record = await records.TryGetAsync(context.Number, model, cancellationToken);
        if (record?.State == PullRequestRecord.Merged)
            return await FinishMergedAgainAsync(context, record, cancellationToken);
        var pr = await host.GetPullRequestAsync(context.Number, cancellationToken);
        if (!pr.Merged)
        {
            var approval = ApprovalPolicy.Evaluate(await host.ListReviewsAsync(context.Number, cancellationToken), pr.HeadSha, context.RequiredApprovals);
            if (!approval.Approved)
            {
                var why = $"Not merged: pull request #{context.Number} is not approved at its head commit — {approval.Reason}.";
                output.Step(why);
                await output.WriteSummaryAsync($"**MlopsCi** · `{model}` · {why}\n", cancellationToken);
                return new FlowResult(PrCommand.Merge, 0, why, record?.Report);
            }

            output.Step($"approved: {approval.Reason}");
        }
        else
        {
            output.Step($"pull request #{context.Number} is merged on the code host");
        }

        context = context with { HeadSha = pr.HeadSha };
        if (record is null || record.HeadSha != pr.HeadSha || record.State != PullRequestRecord.Open || record.CandidateRun is null)
        {
            output.Step($"bringing the sync up to date at {FlowText.Short(pr.HeadSha)} first");
            var synced = await sync.RunAsync(context, record, cancellationToken);
            record = synced.Record;
            if (record.CandidateRun is null)
                return await RefuseAsync(context, record, record.Report.Outcome, synced.Message, cancellationToken);
        }

        if (record.Report.Comparison is { GatesPassed: false } failing)
        {
            var reason = "a gate fails: " + failing.Gates.First(g => !g.Passed).Reason;
            return await RefuseAsync(context, record, new ReportOutcome(OutcomeKind.MergeRefused, reason), $"Not merged: {reason}.", cancellationToken);
        }

        CommitOutcome merged;
        try
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["pr"] = context.Number.ToString(CultureInfo.InvariantCulture),
                [RunTags.GitSha] = context.HeadSha,
                ["run"] = record.CandidateRun!,
            };
            merged = await repository.MergeAsync(context.DataBranch, MainBranch, MergeStrategy.Fail, $"Merge pull request #{context.Number} ({FlowText.Short(context.HeadSha)}) data", metadata, cancellationToken);
        }
        catch (MergeConflictException e)
        {
            return await RefuseAsync(context, record, new ReportOutcome(OutcomeKind.Conflict, Conflicts: e.Conflicts), $"Not merged: {e.Conflicts.Count} conflicting path(s): {string.Join(", ", e.Conflicts)}. Merge {MainBranch} into the pull request's branch and push: the next sync rebuilds {context.DataBranch} from the new merge base.", cancellationToken);
        }
        catch (HookFailedException e)
        {
            var detail = $"pre-merge hook(s) {string.Join(", ", e.Run.FailedHooks.Select(h => $"`{h}`"))} failed on the merge result";
            var refused = record with { Report = record.Report with { Validation = ReportSections.Validation(e.Run) } };
            return await RefuseAsync(context, refused, new ReportOutcome(OutcomeKind.MergeRefused, detail), $"Not merged: {detail}.", cancellationToken);
        }

        output.Step(merged.Changed ? $"merged {context.DataBranch} into {MainBranch} ({merged.Kind}): {FlowText.Short(merged.Commit.Id)}" : $"{MainBranch} already contains {context.DataBranch}");
        return await PromoteAsync(context, record, merged.Commit, cancellationToken);
    }

    private async Task<FlowResult> PromoteAsync(PullRequestContext context, PullRequestRecord record, Commit mergeCommit, CancellationToken cancellationToken)
    {
        var run = await pipeline.GetRunAsync(record.CandidateRun!, cancellationToken);
        var (version, created) = await pipeline.RegisterAsync(run, cancellationToken);
        output.Step(created ? $"registered {version} from run {run.Id}" : $"{version} was registered from run {run.Id} already");
        var champion = await pipeline.GetChampionAsync(run.ModelName, cancellationToken);
        var previous = champion?.Version == version.Version ? record.ComparedChampion : champion?.Version;
        var promoted = champion?.Version == version.Version
            || await pipeline.TryMoveChampionAsync(run.ModelName, version.Version, record.ComparedChampion, cancellationToken);
        string? detail = null;
        if (!promoted)
        {
            detail = $"it moved to {run.ModelName}:{champion?.Version} while this pull request was open; compare against the new champion before promoting";
            output.Warning($"champion not moved: {detail}");
        }
        else
        {
            output.Step($"champion → {version}");
            if (context.SpecSource is { } source)
            {
                // The merged spec becomes the rules later pull requests are judged by.
                await promotedSpecs.SaveAsync(new PromotedSpec(run.ModelName, version.Version, source.Hash, source.Text, source.RepositoryPath, context.HeadSha, time.GetUtcNow()), cancellationToken);
                output.Step($"recorded the spec of {version}'s promotion (sha256:{source.Hash[..12]})");
            }
        }

        var outcome = new ReportOutcome(OutcomeKind.Merged, detail, null, mergeCommit.Id, version.ToString(), previous is { } p ? $"{run.ModelName}:{p}" : null, promoted);
        var report = record.Report with { Outcome = outcome };
        var comment = await publisher.PublishAsync(context, report, null, cancellationToken);
        await records.SaveAsync(record with { State = PullRequestRecord.Merged, Report = report, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        await repository.DeleteBranchAsync(context.DataBranch, missingOk: true, cancellationToken);
        output.Step($"deleted data branch {context.DataBranch}");
        await output.SetOutputAsync("model-version", version.ToString(), cancellationToken);
        return new FlowResult(PrCommand.Merge, 0, $"Merged pull request #{context.Number}: {MainBranch} at {FlowText.Short(mergeCommit.Id)}, {version} registered{(promoted ? " and champion" : "; champion not moved")}.", report, comment);
    }

    // A re-run after a complete merge: every step is already done; repeat only what is idempotent.
    private async Task<FlowResult> FinishMergedAgainAsync(PullRequestContext context, PullRequestRecord record, CancellationToken cancellationToken)
    {
        var comment = await publisher.PublishAsync(context, record.Report, null, cancellationToken);
        await repository.DeleteBranchAsync(context.DataBranch, missingOk: true, cancellationToken);
        var message = $"Pull request #{context.Number} is merged already ({record.Report.Outcome.ModelVersion}); nothing new to do.";
        output.Step(message);
        return new FlowResult(PrCommand.Merge, 0, message, record.Report, comment);
    }

    private async Task<FlowResult> RefuseAsync(PullRequestContext context, PullRequestRecord record, ReportOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var report = record.Report with { Outcome = outcome };
        var comment = await publisher.PublishAsync(context, report, null, cancellationToken);
        await records.SaveAsync(record with { Report = report with { Outcome = ReportOutcome.Pending }, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        output.Warning(message);
        return new FlowResult(PrCommand.Merge, 1, message, report, comment);
    }
}
