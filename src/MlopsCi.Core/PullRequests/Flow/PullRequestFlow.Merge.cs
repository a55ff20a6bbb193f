using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

public sealed partial class PullRequestFlow
{
    /// <summary>
    /// Merges the data branch into main and promotes the candidate, only when the pull request is merged on the host or
    /// approved at its head commit: brings the sync up to date (normally a no-op), refuses when a gate fails, runs the
    /// three-way merge (pre-merge hooks on the result), registers the model version, moves <c>champion</c> by
    /// compare-and-swap, updates the comment, deletes the data branch. Not approved: exit 0 saying why. Conflict: exit 1.
    /// </summary>
    public async Task<FlowResult> MergeAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Spec.RequireModel().Name;
        var record = await _records.TryGetAsync(context.Number, model, cancellationToken);
        if (record?.State == PullRequestRecord.Merged)
            return await FinishMergedAgainAsync(context, record, cancellationToken);
        var pr = await _host.GetPullRequestAsync(context.Number, cancellationToken);
        if (!pr.Merged)
        {
            var approval = ApprovalPolicy.Evaluate(await _host.ListReviewsAsync(context.Number, cancellationToken), pr.HeadSha, context.RequiredApprovals);
            if (!approval.Approved)
            {
                var why = $"Not merged: pull request #{context.Number} is not approved at its head commit — {approval.Reason}.";
                _output.Step(why);
                await _output.WriteSummaryAsync($"**MlopsCi** · `{model}` · {why}\n", cancellationToken);
                return new FlowResult(PrCommand.Merge, 0, why, record?.Report);
            }

            _output.Step($"approved: {approval.Reason}");
        }
        else
        {
            _output.Step($"pull request #{context.Number} is merged on the code host");
        }

        context = context with { HeadSha = pr.HeadSha };
        if (record is null || record.HeadSha != pr.HeadSha || record.State != PullRequestRecord.Open || record.CandidateRun is null)
        {
            _output.Step($"bringing the sync up to date at {Short(pr.HeadSha)} first");
            var synced = await SyncCoreAsync(context, record, cancellationToken);
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
            merged = await _repository.MergeAsync(context.DataBranch, MainBranch, MergeStrategy.Fail, $"Merge pull request #{context.Number} ({Short(context.HeadSha)}) data", metadata, cancellationToken);
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

        _output.Step(merged.Changed ? $"merged {context.DataBranch} into {MainBranch} ({merged.Kind}): {Short(merged.Commit.Id)}" : $"{MainBranch} already contains {context.DataBranch}");
        return await PromoteAsync(context, record, merged.Commit, cancellationToken);
    }

    private async Task<FlowResult> PromoteAsync(PullRequestContext context, PullRequestRecord record, Commit mergeCommit, CancellationToken cancellationToken)
    {
        var run = await _pipeline.GetRunAsync(record.CandidateRun!, cancellationToken);
        var (version, created) = await _pipeline.RegisterAsync(run, cancellationToken);
        _output.Step(created ? $"registered {version} from run {run.Id}" : $"{version} was registered from run {run.Id} already");
        var champion = await _pipeline.GetChampionAsync(run.ModelName, cancellationToken);
        var previous = champion?.Version == version.Version ? record.ComparedChampion : champion?.Version;
        var promoted = champion?.Version == version.Version
            || await _pipeline.TryMoveChampionAsync(run.ModelName, version.Version, record.ComparedChampion, cancellationToken);
        string? detail = null;
        if (!promoted)
        {
            detail = $"it moved to {run.ModelName}:{champion?.Version} while this pull request was open; compare against the new champion before promoting";
            _output.Warning($"champion not moved: {detail}");
        }
        else
        {
            _output.Step($"champion → {version}");
            if (context.SpecSource is { } source)
            {
                // The merged spec becomes the rules later pull requests are judged by.
                await _promotedSpecs.SaveAsync(new PromotedSpec(run.ModelName, version.Version, source.Hash, source.Text, source.RepositoryPath, context.HeadSha, _time.GetUtcNow()), cancellationToken);
                _output.Step($"recorded the spec of {version}'s promotion (sha256:{source.Hash[..12]})");
            }
        }

        var outcome = new ReportOutcome(OutcomeKind.Merged, detail, null, mergeCommit.Id, version.ToString(), previous is { } p ? $"{run.ModelName}:{p}" : null, promoted);
        var report = record.Report with { Outcome = outcome };
        var comment = await PublishAsync(context, report, null, cancellationToken);
        await _records.SaveAsync(record with { State = PullRequestRecord.Merged, Report = report, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        await _repository.DeleteBranchAsync(context.DataBranch, missingOk: true, cancellationToken);
        _output.Step($"deleted data branch {context.DataBranch}");
        await _output.SetOutputAsync("model-version", version.ToString(), cancellationToken);
        return new FlowResult(PrCommand.Merge, 0, $"Merged pull request #{context.Number}: {MainBranch} at {Short(mergeCommit.Id)}, {version} registered{(promoted ? " and champion" : "; champion not moved")}.", report, comment);
    }

    // A re-run after a complete merge: every step is already done; repeat only what is idempotent.
    private async Task<FlowResult> FinishMergedAgainAsync(PullRequestContext context, PullRequestRecord record, CancellationToken cancellationToken)
    {
        var comment = await PublishAsync(context, record.Report, null, cancellationToken);
        await _repository.DeleteBranchAsync(context.DataBranch, missingOk: true, cancellationToken);
        var message = $"Pull request #{context.Number} is merged already ({record.Report.Outcome.ModelVersion}); nothing new to do.";
        _output.Step(message);
        return new FlowResult(PrCommand.Merge, 0, message, record.Report, comment);
    }

    private async Task<FlowResult> RefuseAsync(PullRequestContext context, PullRequestRecord record, ReportOutcome outcome, string message, CancellationToken cancellationToken)
    {
        var report = record.Report with { Outcome = outcome };
        var comment = await PublishAsync(context, report, null, cancellationToken);
        await _records.SaveAsync(record with { Report = report with { Outcome = ReportOutcome.Pending }, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        _output.Warning(message);
        return new FlowResult(PrCommand.Merge, 1, message, report, comment);
    }
}
