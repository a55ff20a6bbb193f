namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>The spec a model version was promoted with from main: the rules that judge the pull requests compared with it.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The version promoted.</param>
/// <param name="SpecHash">SHA-256 of <paramref name="SpecText"/>.</param>
/// <param name="SpecText">The spec file's text as merged.</param>
/// <param name="SpecPath">The spec's path in the code repository.</param>
/// <param name="GitSha">The git commit the promotion came from.</param>
/// <param name="PromotedAt">When.</param>
public sealed record PromotedSpec(string Model, int Version, string SpecHash, string SpecText, string SpecPath, string GitSha, DateTimeOffset PromotedAt);
