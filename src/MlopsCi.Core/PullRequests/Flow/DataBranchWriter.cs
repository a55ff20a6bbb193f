using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// Keeps a pull request's data branch (<c>pr-N</c>) where git says it belongs and commits the pull request's data to it:
/// the branch starts from the data of the pull request's git merge base, is moved onto a new base when that moves, and
/// receives the checkout's <c>data.path</c> (after <c>data.prepare</c>) as one commit.
/// </summary>
internal sealed class DataBranchWriter(Repository repository, IPullRequestHost host, IFlowOutput output)
{
    /// <summary>The commit metadata key of a sync commit naming the data commit its data branch was built on.</summary>
    internal const string DataBaseKey = "data-base";

    private string MainBranch => repository.Info.DefaultBranch;

    // pr-N starts from the data of the pull request's git merge base; when that moves (main merged into the pull
    // request), pr-N is moved onto the new base by compare-and-swap and the checkout committed again, never mixed.
    /// <summary>Creates, keeps or rebuilds the data branch; returns the data commit it is based on.</summary>
    public async Task<DataBase> PrepareAsync(PullRequestContext context, CancellationToken cancellationToken)
    {
        var branch = context.DataBranch;
        var pr = await host.GetPullRequestAsync(context.Number, cancellationToken);
        var gitBase = pr.BaseRef is { Length: > 0 } b ? b : MainBranch;
        var dataBase = await new DataBaseResolver(repository, host).ResolveAsync(branch, MainBranch, gitBase, context.HeadSha, cancellationToken);
        output.Step(dataBase.Reason);
        if (await repository.TryGetBranchAsync(branch, cancellationToken) is not { } existing)
        {
            var (_, created) = await repository.EnsureBranchAsync(branch, dataBase.Commit.Id, cancellationToken);
            output.Step(created ? $"created data branch {branch} from {FlowText.Short(dataBase.Commit.Id)} (no data copied)" : $"data branch {branch} exists");
            return dataBase;
        }

        var head = await repository.GetCommitAsync(existing.Ref.Commit, cancellationToken);
        var basedOn = head.Id == dataBase.Commit.Id ? head.Id : head.Metadata.GetValueOrDefault(DataBaseKey);
        // Without a data section the branch holds what someone committed to it by hand: never thrown away.
        if (basedOn == dataBase.Commit.Id || !dataBase.FollowsGit || context.Spec.Data is null)
        {
            output.Step($"data branch {branch} exists");
            return dataBase;
        }

        if (!await repository.MoveBranchAsync(branch, head.Id, dataBase.Commit.Id, cancellationToken))
            throw new OperationFailedException($"Data branch {branch} moved while this sync was rebuilding it from {FlowText.Short(dataBase.Commit.Id)}: another run is syncing pull request #{context.Number}. Run the sync again.");
        output.Step($"rebuilt data branch {branch} from {FlowText.Short(dataBase.Commit.Id)}, the data of the new merge base (it was based on {(basedOn is null ? "an older base" : FlowText.Short(basedOn))}); the pull request's data is committed onto it again");
        return dataBase;
    }

    /// <summary>Commits the pull request's data (after <c>data.prepare</c>); without a <c>data:</c> section, the branch's head as it is.</summary>
    public async Task<Commit> CommitAsync(PullRequestContext context, DataBase dataBase, CancellationToken cancellationToken)
    {
        var branch = context.DataBranch;
        if (context.Spec.Data is not { } data)
        {
            output.Step("no 'data:' section in the spec: training on the data branch as it is");
            return await repository.ResolveAsync(branch, cancellationToken);
        }

        var folder = Path.GetFullPath(data.Path, context.WorkDirectory);
        if (data.Prepare is { } prepare)
            await PrepareCommand.RunAsync(prepare, context, folder, output, cancellationToken);
        if (!Directory.Exists(folder))
            throw new InvalidInputException($"data.path '{data.Path}' ({data.Location}) is not a folder in {context.WorkDirectory}. Point it at the folder holding the pull request's data files.");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pr"] = context.Number.ToString(CultureInfo.InvariantCulture),
            [RunTags.GitSha] = context.HeadSha,
            ["source"] = "mlops pr sync",
            [DataBaseKey] = dataBase.Commit.Id,
        };
        var outcome = await repository.CommitFolderAsync(branch, folder, data.Prefix, $"Data of pull request #{context.Number} at {FlowText.Short(context.HeadSha)}", metadata, NoProgress.Instance, cancellationToken);
        output.Step(outcome.Changed
            ? $"committed {data.Path} under '{data.Prefix}' to {branch}: {outcome.Commit.Id[..12]} ({outcome.Changes.Count} path(s) changed)"
            : $"data unchanged: {branch} stays at {outcome.Commit.Id[..12]}");
        return outcome.Commit;
    }
}
