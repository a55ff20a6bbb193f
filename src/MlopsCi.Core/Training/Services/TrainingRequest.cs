using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Services;

/// <summary>
/// What to train: the model spec, the data ref to read it at, run tags (see <see cref="Runs.RunTags"/>), and an optional
/// idempotency key (e.g. "pr-12@&lt;head sha&gt;"): a finished run with the same key, spec and data commit is reused.
/// </summary>
public sealed record TrainingRequest(ModelSpec Spec, string DataRef, IReadOnlyDictionary<string, string>? Tags = null, string? IdempotencyKey = null);
