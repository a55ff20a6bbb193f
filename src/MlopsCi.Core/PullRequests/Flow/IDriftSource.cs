using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Computes the report's drift section: per-column drift of the model's data from a baseline data commit (main) to the current one (the pull request).</summary>
public interface IDriftSource
{
    /// <summary>The drift section, or null when there is nothing to compare.</summary>
    Task<DriftSection?> ComputeAsync(Repository repository, Commit baseline, Commit current, MlopsSpec spec, CancellationToken cancellationToken);
}
