using MlopsCi.Core.Specs;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>The spec whose gates judge a pull request, and a phrase saying where it came from (shown in the report).</summary>
internal sealed record DecidingSpec(MlopsSpec Spec, string Source);
