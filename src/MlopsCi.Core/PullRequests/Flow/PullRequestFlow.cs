using MlopsCi.Core.Hooks;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// The pull-request lifecycle: <see cref="SyncAsync"/> (data branch, commit, train, compare, report),
/// <see cref="MergeAsync"/> (approval at the head commit, three-way merge, registration, promotion) and
/// <see cref="CloseAsync"/> (delete the data branch). Every step is idempotent: a re-run finds the data commit, the run,
/// the model version and the comment it made before (the comment by its hidden marker, the rest through
/// <see cref="PullRequestRecordStore"/>, commit metadata and idempotency keys).
/// </summary>
public sealed partial class PullRequestFlow
{
    private readonly Repository _repository;
    private readonly IPullRequestHost _host;
    private readonly IModelPipeline _pipeline;
    private readonly IFlowOutput _output;
    private readonly IDriftSource? _drift;
    private readonly PullRequestRecordStore _records;
    private readonly HookRunStore _hookRuns;
    private readonly PromotedSpecStore _promotedSpecs;
    private readonly TimeProvider _time;

    /// <summary>Creates the flow over a data repository, a code host and a model pipeline.</summary>
    public PullRequestFlow(Repository repository, IPullRequestHost host, IModelPipeline pipeline, IFlowOutput output, IDriftSource? drift = null, TimeProvider? time = null)
    {
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _drift = drift;
        _time = time ?? TimeProvider.System;
        _records = new PullRequestRecordStore(repository.Store);
        _hookRuns = new HookRunStore(repository.Store);
        _promotedSpecs = new PromotedSpecStore(repository.Store);
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
        var comment = await PublishAsync(context, report, null, cancellationToken);
        await _records.SaveAsync(record with { State = PullRequestRecord.Closed, Report = report, UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        return new FlowResult(PrCommand.Close, 0, $"Closed pull request #{context.Number}: data branch {context.DataBranch} deleted; main and champion unchanged.", report, comment);
    }
}
