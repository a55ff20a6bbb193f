using MlopsCi.Cli.Commands;
using MlopsCi.Config.Hooks;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training;
using MlopsCi.Core.Versioning;
using MlopsCi.GitHub.Actions;
using MlopsCi.MLNet;
using MlopsCi.S3;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// The composition root: the one place that chooses adapters. Commands get it through
/// <see cref="CommandContext.Services"/> and ask it for a store, the trainer, the hook validator and the pull-request
/// flow, never constructing adapters themselves; a test or another entry point can hand in a different one.
/// </summary>
/// <param name="environment">The process environment (default: the real one); pass the same lookup to <see cref="MlopsCli.RunAsync"/>.</param>
internal class Composition(Func<string, string?>? environment = null)
{
    /// <summary>The GitHub Actions environment (<c>GITHUB_*</c>, the token, the inputs): the one reader of those variables.</summary>
    public virtual ActionsEnvironment Actions { get; } = new(environment ?? System.Environment.GetEnvironmentVariable);

    /// <summary>Opens the store at a resolved URI: a local folder (file://, a path) or S3 (s3://bucket/prefix).</summary>
    public virtual async Task<IObjectStore> OpenStoreAsync(StoreLocation location, StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(request);
        if (location.S3Uri is not { } s3)
            return StoreLocator.Local(location.LocalPath!, request);
        var options = S3StoreOptions.Default with { Endpoint = request.S3Endpoint, CreateBucket = request.CreateBucket, OnRetry = request.Notice };
        return await S3ObjectStore.OpenAsync(s3, options, request.Environment, cancellationToken);
    }

    /// <summary>The trainer every training, evaluation, comparison and export uses.</summary>
    public virtual ITrainer CreateTrainer() => new MlNetTrainer();

    /// <summary>The data-quality validator commits run through (YAML rules; annotations on GitHub Actions).</summary>
    public virtual ICommitValidator? CreateValidator(CommandContext context) => HookValidatorFactory.Create(context);

    /// <summary>The pull-request flow over a repository and a host, with this composition's trainer and drift.</summary>
    public virtual PullRequestFlow CreatePullRequestFlow(Repository repository, IPullRequestHost host, IFlowOutput output) =>
        new(repository, host, new ModelPipeline(repository, CreateTrainer()), output, new DriftServiceSource(), tableReaders: TableReaders);

    /// <summary>Readers of the table formats Core does not read itself (Parquet), for hooks, row diffs, the report and the UI.</summary>
    public virtual IReadOnlyList<ITableReader> TableReaders { get; } = [new ParquetTableReader()];
}
