namespace MlopsCi.Core.Specs;

/// <summary>The whole <c>mlops.yml</c>: store, the pull-request data folder, the model, its gates, drift and monitoring thresholds.</summary>
public sealed record MlopsSpec(
    string? Store,
    DataSpec? Data,
    ModelSpec? Model,
    IReadOnlyList<GateSpec> Gates,
    DriftSpec Drift,
    MonitorSpec Monitor)
{
    /// <summary>The file the spec was read from (line 0).</summary>
    public SpecLocation Location { get; init; } = SpecLocation.None;

    /// <summary>The model section, or bad input naming the file when there is none.</summary>
    public ModelSpec RequireModel() =>
        Model ?? throw new Errors.InvalidInputException($"{Location.File} has no 'model:' section. Add one with at least name, task, data.train and label.");
}
