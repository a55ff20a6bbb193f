using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Internal;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The data-quality hooks as a <see cref="ICommitValidator"/>. Rules come from <c>_mlops/hooks.yml</c> and
/// <c>_mlops/hooks/*.yml</c> at the rules commit (the branch before a commit, the destination before a merge), so a
/// change cannot switch off the rules that judge it. Every run is recorded; a failed one throws
/// <see cref="HookFailedException"/>. A change that leaves unreadable hooks configuration is refused (exit 2).
/// </summary>
public sealed class HookValidator(IHookConfigParser parser, HookValidatorOptions options) : ICommitValidator
{
    /// <inheritdoc />
    public async Task ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = await EvaluateAsync(context, cancellationToken);
        if (run is null)
            return;
        await new HookRunStore(context.Repository.Store).RecordAsync(run, cancellationToken);
        options.OnRun?.Invoke(run);
        if (!run.Passed)
            throw new HookFailedException(run);
    }

    /// <summary>Runs the hooks that apply without recording or throwing; null when none applies.</summary>
    public async Task<HookRun?> EvaluateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documents = await LoadRulesAsync(context, cancellationToken);
        return await new HookRunner(options).RunAsync(context, documents, cancellationToken);
    }

    /// <summary>The hooks files of a tree, parsed (for tooling; validation loads them itself).</summary>
    public Task<IReadOnlyList<HookDocument>> LoadAsync(Repository repository, Metarange tree, CancellationToken cancellationToken) =>
        HookConfigLoader.LoadAsync(repository, tree, parser, cancellationToken);

    private async Task<IReadOnlyList<HookDocument>> LoadRulesAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        var repository = context.Repository;
        IReadOnlyList<HookDocument>? proposed = null;
        if (context.Changes.Any(c => HookPaths.IsConfig(c.Path)))
        {
            try
            {
                proposed = await LoadAsync(repository, context.After, cancellationToken);
            }
            catch (InvalidInputException e)
            {
                throw new InvalidInputException($"This change would leave invalid hooks configuration on '{context.Branch}', so it was refused. {e.Message}", e);
            }
        }

        try
        {
            return await LoadAsync(repository, await repository.GetTreeAsync(context.RulesCommit, cancellationToken), cancellationToken);
        }
        catch (InvalidInputException) when (proposed is not null)
        {
            // The rules in force cannot be read (committed before hooks were in use): the change that repairs them is
            // judged by the repaired rules, otherwise nothing could ever fix the branch.
            return proposed;
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"The hooks configuration of '{context.Branch}' (at {context.RulesCommit.Id[..12]}) cannot be read, so no change can be checked. {e.Message} Commit a corrected file to '{context.Branch}'.", e);
        }
    }
}
