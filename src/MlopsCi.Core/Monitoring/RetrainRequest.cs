using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// What to retrain: the model spec (with <c>time-column</c>, its held-out rows are the latest ones), the gates a new model
/// must pass against the champion, the data ref to train on, the alias to promote, extra run tags and bootstrap settings.
/// With <see cref="SpecFile"/>, a promotion records the spec file, as <c>mlops pr merge</c> does: pull requests compared
/// with the promoted version are judged by it.
/// </summary>
public sealed record RetrainRequest(
    ModelSpec Spec,
    IReadOnlyList<GateSpec> Gates,
    string DataRef = "main",
    string Alias = "champion",
    IReadOnlyDictionary<string, string>? Tags = null,
    BootstrapOptions? Bootstrap = null)
{
    /// <summary>The spec file's text and its path in the code repository, recorded with a promotion.</summary>
    public PullRequests.Flow.SpecSource? SpecFile { get; init; }
}
