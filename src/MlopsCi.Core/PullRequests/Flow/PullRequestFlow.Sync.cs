using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

public sealed partial class PullRequestFlow
{
    /// <summary>
    /// Branches the data (<c>pr-N</c> from the data of the pull request's git merge base), commits the pull request's data, trains the candidate at the head
    /// commit, compares it with the champion on the same rows, and posts the report and the commit status.
    /// Exit code 1 when a gate fails or a hook refused the data.
    /// </summary>
    public async Task<FlowResult> SyncAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Spec.RequireModel().Name;
        var previous = await _records.TryGetAsync(context.Number, model, cancellationToken);
        if (previous?.State == PullRequestRecord.Merged)
            return new FlowResult(PrCommand.Sync, 0, $"Pull request #{context.Number} is merged already (model {previous.Report.Outcome.ModelVersion}); nothing to sync.", previous.Report);
        // Reviewers see at once that the check is running (training takes minutes), not a stale result of the last push.
        await SetStatusAsync(context, model, CommitStatusState.Pending, $"Training and comparing at {Short(context.HeadSha)}…", cancellationToken);
        var synced = await SyncCoreAsync(context, previous, cancellationToken);
        var comment = await PublishAsync(context, synced.Record.Report, synced.Status, cancellationToken);
        await _records.SaveAsync(synced.Record, cancellationToken);
        await _output.SetOutputAsync("gates-passed", (synced.Record.Report.Comparison?.GatesPassed ?? false) ? "true" : "false", cancellationToken);
        if (synced.Record.CandidateRun is { } run)
            await _output.SetOutputAsync("candidate-run", run, cancellationToken);
        return new FlowResult(PrCommand.Sync, synced.Failed ? 1 : 0, synced.Message, synced.Record.Report, comment);
    }

    private sealed record Synced(PullRequestRecord Record, (CommitStatusState State, string Description) Status, bool Failed, string Message);

    private async Task<Synced> SyncCoreAsync(PullRequestContext context, PullRequestRecord? previous, CancellationToken cancellationToken)
    {
        var spec = context.Spec.RequireModel();
        var branch = context.DataBranch;
        var dataBase = await PrepareDataBranchAsync(context, cancellationToken);
        Commit head;
        try
        {
            head = await CommitDataAsync(context, dataBase, cancellationToken);
        }
        catch (HookFailedException e)
        {
            return Blocked(context, e, await _repository.ResolveAsync(branch, cancellationToken));
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
        var (candidate, reused) = await _pipeline.TrainAsync(spec, head, tags, $"pr-{context.Number}@{context.HeadSha}", cancellationToken);
        _output.Step(reused ? $"candidate run {candidate.Id} already trained at {Short(context.HeadSha)} on {Short(head.Id)}; reused" : $"trained candidate run {candidate.Id} on {branch} ({Short(head.Id)}), {candidate.TrainRows:N0} rows");
        var main = await _repository.ResolveAsync(MainBranch, cancellationToken);
        var champion = await _pipeline.GetChampionAsync(spec.Name, cancellationToken);
        var deciding = await DecidingSpecAsync(context, champion, cancellationToken);
        _output.Step($"deciding gates: {deciding.Source}");
        string baselineRef, baselineLabel;
        RunRecord baselineRun;
        if (champion is not null)
        {
            (baselineRef, baselineLabel) = (champion.ToString(), $"champion {champion}");
            baselineRun = await _pipeline.GetRunAsync(champion.RunId, cancellationToken);
            _output.Step($"baseline: champion {champion} (run {champion.RunId})");
        }
        else
        {
            var baselineTags = new Dictionary<string, string>(StringComparer.Ordinal) { [RunTags.GitSha] = context.HeadSha, ["data-branch"] = MainBranch, ["role"] = "baseline" };
            (baselineRun, var baseReused) = await _pipeline.TrainAsync(deciding.Spec.Model ?? spec, main, baselineTags, "main-baseline", cancellationToken);
            (baselineRef, baselineLabel) = (baselineRun.Id, $"a model trained on {MainBranch} with {(ReferenceEquals(deciding.Spec, context.Spec) ? "this" : "the destination's")} spec");
            _output.Step($"no champion yet: baseline run {baselineRun.Id} {(baseReused ? "reused" : "trained")} on {MainBranch} ({Short(main.Id)})");
        }

        var compared = await _pipeline.CompareAsync(baselineRef, candidate.Id, head, deciding.Spec.Gates, cancellationToken);
        var comparison = ReportSections.Comparison(compared.Comparison, spec.Task, baselineLabel) with
        {
            Evaluation = compared.Evaluation,
            BaselineConfusion = compared.BaselineConfusion,
            CandidateConfusion = compared.CandidateConfusion,
            Slices = compared.Slices,
        };
        _output.Step(compared.Evaluation.Describe());
        _output.Step($"compared on {comparison.Rows:N0} evaluation rows: {Describe(comparison)}");
        // What git shows: the pull request's change since its merge base, not since main's head.
        var diffBase = dataBase.FollowsGit && (await _repository.MergeBaseAsync(dataBase.Commit, head, cancellationToken))?.Id == dataBase.Commit.Id
            ? dataBase.Commit
            : await _repository.MergeBaseAsync(main, head, cancellationToken) ?? main;
        var diff = await DataDiffBuilder.BuildAsync(_repository, diffBase, head, new DataDiffOptions { Keys = context.Spec.Data?.Keys ?? TableKeys.None, Dialects = CsvDialects.For(context.Spec.Model) }, cancellationToken);
        var drift = await DriftAsync(main, head, context, cancellationToken);
        var lineage = new ReportLineage(MainBranch, branch, baselineRun.DataCommit, head.Id, context.HeadSha, baselineRun.Id, candidate.Id,
            champion?.ToString(), candidate.SpecHash, candidate.TrainRows, context.Repository);
        var report = new PullRequestReport(spec.Name, context.Number, comparison, diff, validation, drift,
            ReportSections.Importance(compared.CandidateImportance ?? candidate.FeatureImportance, compared.BaselineImportance ?? baselineRun.FeatureImportance), lineage, ReportOutcome.Pending)
        {
            DecidingSpec = context.SpecSource is null ? null : deciding.Source,
            SpecChanges = SpecChanges(deciding.Spec, context.Spec, compared.Comparison),
        };
        var record = new PullRequestRecord(context.Number, spec.Name, PullRequestRecord.Open, context.HeadSha, head.Id, candidate.Id, champion?.Version, report, _time.GetUtcNow());
        var failed = !comparison.GatesPassed;
        var status = failed
            ? (CommitStatusState.Failure, "Gate failed: " + comparison.Gates.First(g => !g.Passed).Reason)
            : (CommitStatusState.Success, Describe(comparison));
        return new Synced(record, status, failed, failed ? $"Pull request #{context.Number}: {status.Item2}" : $"Pull request #{context.Number} synced: {Describe(comparison)}");
    }

    // pr-N starts from the data of the pull request's git merge base; when that moves (main merged into the pull
    // request), pr-N is moved onto the new base by compare-and-swap and the checkout committed again, never mixed.
    private async Task<DataBase> PrepareDataBranchAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        var branch = context.DataBranch;
        var pr = await _host.GetPullRequestAsync(context.Number, cancellationToken);
        var gitBase = pr.BaseRef is { Length: > 0 } b ? b : MainBranch;
        var dataBase = await new DataBaseResolver(_repository, _host).ResolveAsync(branch, MainBranch, gitBase, context.HeadSha, cancellationToken);
        _output.Step(dataBase.Reason);
        if (await _repository.TryGetBranchAsync(branch, cancellationToken) is not { } existing)
        {
            var (_, created) = await _repository.EnsureBranchAsync(branch, dataBase.Commit.Id, cancellationToken);
            _output.Step(created ? $"created data branch {branch} from {Short(dataBase.Commit.Id)} (no data copied)" : $"data branch {branch} exists");
            return dataBase;
        }

        var head = await _repository.GetCommitAsync(existing.Ref.Commit, cancellationToken);
        var basedOn = head.Id == dataBase.Commit.Id ? head.Id : head.Metadata.GetValueOrDefault(DataBaseKey);
        // Without a data section the branch holds what someone committed to it by hand: never thrown away.
        if (basedOn == dataBase.Commit.Id || !dataBase.FollowsGit || context.Spec.Data is null)
        {
            _output.Step($"data branch {branch} exists");
            return dataBase;
        }

        if (!await _repository.MoveBranchAsync(branch, head.Id, dataBase.Commit.Id, cancellationToken))
            throw new OperationFailedException($"Data branch {branch} moved while this sync was rebuilding it from {Short(dataBase.Commit.Id)}: another run is syncing pull request #{context.Number}. Run the sync again.");
        _output.Step($"rebuilt data branch {branch} from {Short(dataBase.Commit.Id)}, the data of the new merge base (it was based on {(basedOn is null ? "an older base" : Short(basedOn))}); the pull request's data is committed onto it again");
        return dataBase;
    }

    private async Task<Commit> CommitDataAsync(PullRequestContext context, DataBase dataBase, CancellationToken cancellationToken)
    {
        var branch = context.DataBranch;
        if (context.Spec.Data is not { } data)
        {
            _output.Step("no 'data:' section in the spec: training on the data branch as it is");
            return await _repository.ResolveAsync(branch, cancellationToken);
        }

        var folder = Path.GetFullPath(data.Path, context.WorkDirectory);
        if (data.Prepare is { } prepare)
            await PrepareCommand.RunAsync(prepare, context, folder, _output, cancellationToken);
        if (!Directory.Exists(folder))
            throw new InvalidInputException($"data.path '{data.Path}' ({data.Location}) is not a folder in {context.WorkDirectory}. Point it at the folder holding the pull request's data files.");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pr"] = context.Number.ToString(CultureInfo.InvariantCulture),
            [RunTags.GitSha] = context.HeadSha,
            ["source"] = "mlops pr sync",
            [DataBaseKey] = dataBase.Commit.Id,
        };
        var outcome = await _repository.CommitFolderAsync(branch, folder, data.Prefix, $"Data of pull request #{context.Number} at {Short(context.HeadSha)}", metadata, NoProgress.Instance, cancellationToken);
        _output.Step(outcome.Changed
            ? $"committed {data.Path} under '{data.Prefix}' to {branch}: {outcome.Commit.Id[..12]} ({outcome.Changes.Count} path(s) changed)"
            : $"data unchanged: {branch} stays at {outcome.Commit.Id[..12]}");
        return outcome.Commit;
    }

    private Synced Blocked(PullRequestContext context, HookFailedException e, Commit head)
    {
        var model = context.Spec.RequireModel().Name;
        var detail = $"pre-commit hook{(e.Run.FailedHooks.Count == 1 ? "" : "s")} {string.Join(", ", e.Run.FailedHooks.Select(h => $"`{h}`"))} failed";
        var lineage = new ReportLineage(MainBranch, context.DataBranch, null, head.Id, context.HeadSha, null, null, null, null, null, context.Repository);
        var report = new PullRequestReport(model, context.Number, null, null, ReportSections.Validation(e.Run), null, [], lineage, new ReportOutcome(OutcomeKind.Blocked, detail));
        var record = new PullRequestRecord(context.Number, model, PullRequestRecord.Open, context.HeadSha, null, null, null, report, _time.GetUtcNow());
        _output.Warning(e.Message);
        return new Synced(record, (CommitStatusState.Failure, "Data validation failed: " + string.Join(", ", e.Run.FailedHooks)), true, $"Pull request #{context.Number}: the data was refused ({detail}).");
    }

    private async Task<ValidationSection?> ValidationAsync(string branch, HookEvent hookEvent, CancellationToken cancellationToken)
    {
        var run = (await _hookRuns.ListAsync(branch, 5, cancellationToken)).FirstOrDefault(r => r.Event == hookEvent);
        return run is null ? null : ReportSections.Validation(run);
    }

    private async Task<DriftSection?> DriftAsync(Commit main, Commit head, PullRequestContext context, CancellationToken cancellationToken)
    {
        if (_drift is null)
            return null;
        try
        {
            return await _drift.ComputeAsync(_repository, main, head, context.Spec, cancellationToken);
        }
        catch (MlopsException e)
        {
            _output.Warning($"Drift was not computed: {e.Message}");
            return null;
        }
    }

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

    /// <summary>The commit metadata key of a sync commit naming the data commit its data branch was built on.</summary>
    internal const string DataBaseKey = "data-base";

    private static string Short(string id) => id.Length <= 12 ? id : id[..12];
}
