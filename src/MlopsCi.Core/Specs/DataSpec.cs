namespace MlopsCi.Core.Specs;

/// <summary>
/// The pull-request flow's data: the workspace folder <see cref="Path"/> is committed under repository
/// <see cref="Prefix"/>, after running the optional shell command <see cref="Prepare"/>.
/// </summary>
public sealed record DataSpec(string Path, string Prefix, string? Prepare)
{
    /// <summary>Where the section starts.</summary>
    public SpecLocation Location { get; init; } = SpecLocation.None;

    /// <summary>The key columns of tables by path glob (<c>data.keys</c>), for keyed row diffs.</summary>
    public RowDiffs.TableKeys Keys { get; init; } = RowDiffs.TableKeys.None;
}
