using MlopsCi.Core.Drift;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>The report's drift section from <see cref="DriftService"/>: the model's data files on main against the pull request's.</summary>
public sealed class DriftServiceSource(IEnumerable<ITableReader>? readers = null) : IDriftSource
{
    /// <inheritdoc />
    public async Task<DriftSection?> ComputeAsync(Repository repository, Commit baseline, Commit current, MlopsSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Model is null)
            return null;
        var report = await new DriftService(repository, readers).CompareAsync(baseline.Id, current.Id, DriftOptions.From(spec), cancellationToken);
        return ReportSections.Drift(report);
    }
}
