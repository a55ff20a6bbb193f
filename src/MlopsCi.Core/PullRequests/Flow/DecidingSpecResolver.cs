using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Registry;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// Finds the spec whose gates judge a pull request. A pull request cannot loosen the rules that judge it: the
/// destination's spec decides until it is merged.
/// </summary>
internal sealed class DecidingSpecResolver(IPullRequestHost host, PromotedSpecStore promotedSpecs, IFlowOutput output)
{
    // The rules that judge a pull request are the destination's, as hooks are: the spec recorded with the champion's
    // promotion, else the base branch's file at the base commit. A pull request's own spec decides only once merged.
    public async Task<DecidingSpec> ResolveAsync(PullRequestContext context, ModelVersion? champion, CancellationToken cancellationToken)
    {
        var own = new DecidingSpec(context.Spec, "this pull request's spec (no spec was recorded with the champion and the base branch has none)");
        if (context.SpecSource is not { } source)
            return own;
        string? text = null, where = null;
        if (champion is not null && await promotedSpecs.TryGetAsync(champion.Name, champion.Version, cancellationToken) is { } promoted)
        {
            (text, where) = (promoted.SpecText, $"the spec recorded when {champion} was promoted (sha256:{promoted.SpecHash[..12]})");
        }
        else if ((await host.GetPullRequestAsync(context.Number, cancellationToken)) is { BaseSha: { Length: > 0 } baseSha } pr)
        {
            text = await host.GetFileAsync(source.RepositoryPath, baseSha, cancellationToken);
            where = $"{source.RepositoryPath} of {pr.BaseRef} at {FlowText.Short(baseSha)}";
        }

        if (text is null)
            return own;
        try
        {
            return new DecidingSpec(text == source.Text ? context.Spec : source.Parse(text, where!), where!);
        }
        catch (InvalidInputException e)
        {
            output.Warning($"The destination's spec ({where}) cannot be read, so this pull request's spec decides: {e.Message}");
            return own;
        }
    }
}
