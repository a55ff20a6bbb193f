using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Registry;

/// <summary>
/// A registered model version (<c>_mlops/models/&lt;name&gt;/versions/&lt;n&gt;.json</c>): the run that trained it, its data
/// commit, metrics, input schema and the hash of the model artifact (<c>_mlops/artifacts/&lt;hash&gt;</c>).
/// </summary>
public sealed record ModelVersion(
    string Name,
    int Version,
    string RunId,
    string DataCommit,
    ModelTask Task,
    IReadOnlyDictionary<string, double> Metrics,
    ModelSchema Schema,
    string ModelHash,
    string SpecHash,
    DateTimeOffset CreatedAt)
{
    /// <summary>"name:version".</summary>
    public override string ToString() => $"{Name}:{Version}";
}
