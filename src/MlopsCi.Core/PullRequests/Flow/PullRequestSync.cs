using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// The work of a sync, without publishing it: brings the data branch up to date and commits the pull request's data,
/// trains the candidate, compares it with the champion (or a baseline trained on main) under the deciding gates, and
/// builds the report and the record. A hook refusing the data is a blocked result, not an exception.
/// </summary>
internal sealed class PullRequestSync(
    Repository repository, IPullRequestHost host, IModelPipeline pipeline, IFlowOutput output, IDriftSource? driftSource, HookRunStore hookRuns, PromotedSpecStore promotedSpecs, TimeProvider time, IReadOnlyList<ITableReader> tableReaders)
{
    private readonly DataBranchWriter _data = new(repository, host, output);
    private readonly DecidingSpecResolver _decidingSpecs = new(host, promotedSpecs, output);

    private string MainBranch => repository.Info.DefaultBranch;

    /// <summary>Syncs the pull request at <see cref="PullRequestContext.HeadSha"/>; <paramref name="previous"/> supplies the last validation when no hook ran now.</summary>
    public async Task<SyncResult> RunAsync(PullRequestContext context, PullRequestRecord? previous, CancellationToken cancellationToken)
    {
        var spec = context.Spec.RequireModel();
        var branch = context.DataBranch;
        var dataBase = await _data.PrepareAsync(context, cancellationToken);
        Commit head;
        try
        {
            head = await _data.CommitAsync(context, dataBase, cancellationToken);
        }
        catch (HookFailedException e)
        {
            return Blocked(context, e, await repository.ResolveAsync(branch, cancellationToken));
        }

        var validation = await ValidationAsync(branch, HookEvent.PreCommit, cancellationToken) ?? previous?.Report.Validation;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RunTags.GitSha] = context.HeadSha,
            [RunTags.PullRequest] = context.Number.ToString(CultureInfo.InvariantCulture),
            ["data-branch"] = branch,
        };
        if (context.Repository is not null)
            tags[RunTags.Repository] = context.Repository;
        var (candidate, reused) = await pipeline.TrainAsync(spec, head, tags, $"pr-{context.Number}@{context.HeadSha}", cancellationToken);
        output.Step(reused ? $"candidate run {candidate.Id} already trained at {FlowText.Short(context.HeadSha)} on {FlowText.Short(head.Id)}; reused" : $"trained candidate run {candidate.Id} on {branch} ({FlowText.Short(head.Id)}), {candidate.TrainRows:N0} rows");
        var main = await repository.ResolveAsync(MainBranch, cancellationToken);
        var champion = await pipeline.GetChampionAsync(spec.Name, cancellationToken);
        var deciding = await _decidingSpecs.ResolveAsync(context, champion, cancellationToken);
        output.Step($"deciding gates: {deciding.Source}");
        string baselineRef, baselineLabel;
        RunRecord baselineRun;
        // The model the candidate is measured against predicts what the champion (else the destination's spec) predicts;
        // when the pull request predicts another label, or as another task, those numbers measure something else: the
        // baseline is then this spec's model on main's data, so the comparison still says what the pull request's data does.
        var championRun = champion is null ? null : await pipeline.GetRunAsync(champion.RunId, cancellationToken);
        var destination = deciding.Spec.Model ?? spec;
        var (other, otherName) = championRun is not null ? (championRun.Spec, "champion") : (destination, "destination's spec");
        var comparable = other.Label == spec.Label && other.Task == spec.Task;
        if (champion is not null && comparable)
        {
            (baselineRef, baselineLabel, baselineRun) = (champion.ToString(), $"champion {champion}", championRun!);
            output.Step($"baseline: champion {champion} (run {champion.RunId})");
        }
        else
        {
            var predicts = $"predicts '{other.Label}' as {Task(other.Task)}";
            if (!comparable)
                output.Warning($"the {otherName}{(championRun is null ? "" : $" {champion}")} {predicts}, this pull request's spec '{spec.Label}' as {Task(spec.Task)}, so the two cannot be compared: the baseline is a model trained on {MainBranch} with this pull request's spec.");
            var baselineTags = new Dictionary<string, string>(StringComparer.Ordinal) { [RunTags.GitSha] = context.HeadSha, ["data-branch"] = MainBranch, ["role"] = "baseline" };
            (baselineRun, var baseReused) = await pipeline.TrainAsync(comparable ? destination : spec, main, baselineTags, "main-baseline", cancellationToken);
            var whose = !comparable || ReferenceEquals(deciding.Spec, context.Spec) ? "this" : "the destination's";
            (baselineRef, baselineLabel) = (baselineRun.Id, $"a model trained on {MainBranch} with {whose} spec{(comparable ? "" : $" (the {otherName} {predicts})")}");
            output.Step($"{(champion is null ? "no champion yet" : "champion not comparable")}: baseline run {baselineRun.Id} {(baseReused ? "reused" : "trained")} on {MainBranch} ({FlowText.Short(main.Id)})");
        }

        var compared = await pipeline.CompareAsync(baselineRef, candidate.Id, head, deciding.Spec.Gates, cancellationToken);
        var comparison = ReportSections.Comparison(compared.Comparison, spec.Task, baselineLabel) with
        {
            Evaluation = compared.Evaluation,
            Unlabelled = candidate.Unlabelled,
            BaselineConfusion = compared.BaselineConfusion,
            CandidateConfusion = compared.CandidateConfusion,
            Slices = compared.Slices,
        };
        output.Step(compared.Evaluation.Describe());
        if (candidate.Unlabelled?.Warning is { } unlabelled)
            output.Warning(unlabelled);
        output.Step($"compared on {comparison.Rows:N0} evaluation rows: {Describe(comparison)}");
        // What git shows: the pull request's change since its merge base, not since main's head.
        var diffBase = dataBase.FollowsGit && (await repository.MergeBaseAsync(dataBase.Commit, head, cancellationToken))?.Id == dataBase.Commit.Id
            ? dataBase.Commit
            : await repository.MergeBaseAsync(main, head, cancellationToken) ?? main;
        var diff = await DataDiffBuilder.BuildAsync(repository, diffBase, head, new DataDiffOptions { Keys = context.Spec.Data?.Keys ?? TableKeys.None, Readers = tableReaders, Dialects = CsvDialects.For(context.Spec.Model) }, cancellationToken);
        var drift = await DriftAsync(main, head, context, cancellationToken);
        var lineage = new ReportLineage(MainBranch, branch, baselineRun.DataCommit, head.Id, context.HeadSha, baselineRun.Id, candidate.Id,
            champion?.ToString(), candidate.SpecHash, candidate.TrainRows, context.Repository);
        var report = new PullRequestReport(spec.Name, context.Number, comparison, diff, validation, drift,
            ReportSections.Importance(compared.CandidateImportance ?? candidate.FeatureImportance, compared.BaselineImportance ?? baselineRun.FeatureImportance), lineage, ReportOutcome.Pending)
        {
            DecidingSpec = context.SpecSource is null ? null : deciding.Source,
            SpecChanges = SpecChangeList.Between(deciding.Spec, context.Spec, compared.Comparison),
        };
        var record = new PullRequestRecord(context.Number, spec.Name, PullRequestRecord.Open, context.HeadSha, head.Id, candidate.Id, champion?.Version, report, time.GetUtcNow());
        var failed = !comparison.GatesPassed;
        var status = failed
            ? (CommitStatusState.Failure, "Gate failed: " + comparison.Gates.First(g => !g.Passed).Reason)
            : (CommitStatusState.Success, Describe(comparison));
        return new SyncResult(record, status, failed, failed ? $"Pull request #{context.Number}: {status.Item2}" : $"Pull request #{context.Number} synced: {Describe(comparison)}");
    }

    private SyncResult Blocked(PullRequestContext context, HookFailedException e, Commit head)
    {
        var model = context.Spec.RequireModel().Name;
        var detail = $"pre-commit hook{(e.Run.FailedHooks.Count == 1 ? "" : "s")} {string.Join(", ", e.Run.FailedHooks.Select(h => $"`{h}`"))} failed";
        var lineage = new ReportLineage(MainBranch, context.DataBranch, null, head.Id, context.HeadSha, null, null, null, null, null, context.Repository);
        var report = new PullRequestReport(model, context.Number, null, null, ReportSections.Validation(e.Run), null, [], lineage, new ReportOutcome(OutcomeKind.Blocked, detail));
        var record = new PullRequestRecord(context.Number, model, PullRequestRecord.Open, context.HeadSha, null, null, null, report, time.GetUtcNow());
        output.Warning(e.Message);
        return new SyncResult(record, (CommitStatusState.Failure, "Data validation failed: " + string.Join(", ", e.Run.FailedHooks)), true, $"Pull request #{context.Number}: the data was refused ({detail}).");
    }

    private async Task<ValidationSection?> ValidationAsync(string branch, HookEvent hookEvent, CancellationToken cancellationToken)
    {
        var run = (await hookRuns.ListAsync(branch, 5, cancellationToken)).FirstOrDefault(r => r.Event == hookEvent);
        return run is null ? null : ReportSections.Validation(run);
    }

    private async Task<DriftSection?> DriftAsync(Commit main, Commit head, PullRequestContext context, CancellationToken cancellationToken)
    {
        if (driftSource is null)
            return null;
        try
        {
            return await driftSource.ComputeAsync(repository, main, head, context.Spec, cancellationToken);
        }
        catch (MlopsException e)
        {
            output.Warning($"Drift was not computed: {e.Message}");
            return null;
        }
    }

    private static string Task(Specs.ModelTask task) => task.ToString().ToLowerInvariant();

    private static string Describe(ComparisonSection c)
    {
        var gates = c.Gates.Count == 0 ? "no gates" : $"{c.Gates.Count(g => g.Passed)}/{c.Gates.Count} gates pass";
        if (c[c.PrimaryMetric] is not { } m)
            return gates;
        var verdict = m.Verdict switch
        {
            Training.Evaluation.Verdict.Better => "better",
            Training.Evaluation.Verdict.Worse => "worse",
            _ => "no significant change",
        };
        return $"{m.Metric} {m.Baseline.ToString("0.0000", CultureInfo.InvariantCulture)} → {m.Candidate.ToString("0.0000", CultureInfo.InvariantCulture)} ({verdict}); {gates}";
    }
}
