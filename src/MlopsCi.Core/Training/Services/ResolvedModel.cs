using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Core.Training.Services;

/// <summary>A model found by reference: the run that trained it, the registered version when it was found by one, and its artifact hash.</summary>
public sealed record ResolvedModel(string Reference, RunRecord Run, ModelVersion? Version, string ModelHash);
