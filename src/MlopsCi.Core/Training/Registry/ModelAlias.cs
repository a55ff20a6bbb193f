namespace MlopsCi.Core.Training.Registry;

/// <summary>A named pointer to a version (<c>_mlops/models/&lt;name&gt;/aliases/&lt;alias&gt;</c>), moved only by compare-and-swap.</summary>
public sealed record ModelAlias(string Name, string Alias, int Version, DateTimeOffset UpdatedAt);
