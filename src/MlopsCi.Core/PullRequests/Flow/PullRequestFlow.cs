using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// The pull-request lifecycle: <see cref="SyncAsync"/> (data branch, commit, train, compare, report),
/// <see cref="MergeAsync"/> (approval at the head commit, three-way merge, registration, promotion) and
/// <see cref="CloseAsync"/> (delete the data branch). Every step is idempotent: a re-run finds the data commit, the run,
/// the model version and the comment it made before (the comment by its hidden marker, the rest through
/// <see cref="PullRequestRecordStore"/>, commit metadata and idempotency keys).
/// </summary>
/// <remarks>
/// The steps are named collaborators: <see cref="PullRequestSync"/> (with <see cref="DataBranchWriter"/> and
/// <see cref="DecidingSpecResolver"/>), <see cref="PullRequestMerge"/> and <see cref="ReportPublisher"/>.
/// </remarks>
public sealed class PullRequestFlow
{
    /// <summary>The length of the full report (the step summary allows 1 MiB); the comment holds the version that fits GitHub's limit.</summary>
    public const int FullReportLength = 900_000;

    private readonly Repository _repository;
    private readonly IPullRequestHost _host;
    private readonly IFlowOutput _output;
    private readonly PullRequestRecordStore _records;
    private readonly TimeProvider _time;
    private readonly ReportPublisher _publisher;
    private readonly PullRequestSync _sync;
    private readonly PullRequestMerge _merge;

    /// <summary>Creates the flow over a data repository, a code host and a model pipeline; <paramref name="tableReaders"/> read formats Core cannot (Parquet) for the data section.</summary>
    public PullRequestFlow(Repository repository, IPullRequestHost host, IModelPipeline pipeline, IFlowOutput output, IDriftSource? drift = null, TimeProvider? time = null, IReadOnlyList<ITableReader>? tableReaders = null)
    {
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        ArgumentNullException.ThrowIfNull(pipeline);
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _time = time ?? TimeProvider.System;
        _records = new PullRequestRecordStore(repository.Store);
        var promotedSpecs = new PromotedSpecStore(repository.Store);
        _publisher = new ReportPublisher(host, output);
        _sync = new PullRequestSync(repository, host, pipeline, output, drift, new HookRunStore(repository.Store), promotedSpecs, _time, tableReaders ?? []);
        _merge = new PullRequestMerge(repository, host, pipeline, output, _records, promotedSpecs, _sync, _publisher, _time);
    }


    /// <summary>The commit status context of a model: <c>mlops-ci/&lt;model&gt;</c>.</summary>
    public static string StatusContext(string modelName) => $"mlops-ci/{modelName}";

    private string MainBranch => _repository.Info.DefaultBranch;

    /// <summary>Runs the command <see cref="PrCommandDecider"/> picks for <paramref name="gitHubEvent"/>, or nothing with the reason.</summary>
    public async Task<FlowResult> AutoAsync(PullRequestEvent gitHubEvent, PullRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        ArgumentNullException.ThrowIfNull(context);
        var reviews = gitHubEvent.Name == "pull_request_review" && context.RequiredApprovals > 1 && gitHubEvent.PullRequestNumber is { } n
            ? await _host.ListReviewsAsync(n, cancellationToken)
            : null;
        var decision = PrCommandDecider.Decide(gitHubEvent, reviews, context.RequiredApprovals);
        _output.Step(decision.Reason);
        return decision.Command switch
        {
            PrCommand.Sync => await SyncAsync(context, cancellationToken),
            PrCommand.Merge => await MergeAsync(context, cancellationToken),
            PrCommand.Close => await CloseAsync(context, cancellationToken),
            _ => new FlowResult(PrCommand.None, 0, decision.Reason),
        };
    }

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
        await _publisher.SetStatusAsync(context, model, CommitStatusState.Pending, $"Training and comparing at {FlowText.Short(context.HeadSha)}…", cancellationToken);
        var synced = await _sync.RunAsync(context, previous, cancellationToken);
        var comment = await _publisher.PublishAsync(context, synced.Record.Report, synced.Status, cancellationToken);
        await _records.SaveAsync(synced.Record, cancellationToken);
        await _output.SetOutputAsync("gates-passed", (synced.Record.Report.Comparison?.GatesPassed ?? false) ? "true" : "false", cancellationToken);
        if (synced.Record.CandidateRun is { } run)
            await _output.SetOutputAsync("candidate-run", run, cancellationToken);
        return new FlowResult(PrCommand.Sync, synced.Failed ? 1 : 0, synced.Message, synced.Record.Report, comment);
    }

    /// <summary>
    /// Merges the data branch into main and promotes the candidate, only when the pull request is merged on the host or
    /// approved at its head commit: brings the sync up to date (normally a no-op), refuses when a gate fails, runs the
    /// three-way merge (pre-merge hooks on the result), registers the model version, moves <c>champion</c> by
    /// compare-and-swap, updates the comment, deletes the data branch. Not approved: exit 0 saying why. Conflict: exit 1.
    /// </summary>
    public Task<FlowResult> MergeAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _merge.MergeAsync(context, cancellationToken);
    }

    /// <summary>Deletes the data branch of a pull request closed without merging and says so in its comment.</summary>
    public async Task<FlowResult> CloseAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Spec.RequireModel().Name;
        var record = await _records.TryGetAsync(context.Number, model, cancellationToken);
        if (record?.State == PullRequestRecord.Merged)
            return new FlowResult(PrCommand.Close, 0, $"Pull request #{context.Number} was merged already; its data is in '{MainBranch}'. Nothing to close.");
        var deleted = await _repository.DeleteBranchAsync(context.DataBranch, missingOk: true, cancellationToken);
        _output.Step(deleted ? $"deleted data branch {context.DataBranch}" : $"data branch {context.DataBranch} was already gone");
        if (record is null)
            return new FlowResult(PrCommand.Close, 0, $"Closed pull request #{context.Number}: data branch {context.DataBranch} {(deleted ? "deleted" : "already gone")}; no report to update.");
        var report = record.Report with { Outcome = new Reporting.ReportOutcome(Reporting.OutcomeKind.Closed) };
        var comment = await _publisher.PublishAsync(context, report, null, cancellationToken);
        await _records.SaveAsync(record with { State = PullRequestRecord.Closed, Report = report, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        return new FlowResult(PrCommand.Close, 0, $"Closed pull request #{context.Number}: data branch {context.DataBranch} deleted; main and champion unchanged.", report, comment);
    }
}
