using MlopsCi.Core.Hooks.Internal;

namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// The key columns of tables by path glob (<c>data.keys</c> in mlops.yml: <c>"weather/*.csv": [date]</c>); the first
/// pattern that matches a path names its key. Globs follow the hooks' rules (no '/': the file name in any folder).
/// </summary>
public sealed record TableKeys(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Patterns)
{
    /// <summary>No keys: every table is compared as whole records.</summary>
    public static TableKeys None { get; } = new([]);

    /// <summary>The key columns of a repository path, empty when no pattern matches.</summary>
    public IReadOnlyList<string> For(string path) =>
        Patterns.FirstOrDefault(p => Glob.Path(p.Key).IsMatch(path)).Value ?? [];
}
