using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.RowDiffs;

public static partial class RowDiffer
{
    /// <summary>
    /// Row diffs of the tables that differ between two refs, read from the repository (hash-verified): every changed
    /// table under <paramref name="path"/> (a file or folder; "" for all). The key of each comes from
    /// <see cref="RowDiffOptions.Key"/> when set, else from <paramref name="keys"/>.
    /// </summary>
    public static async Task<IReadOnlyList<RowDiff>> CompareRefsAsync(Repository repository, string leftRef, string rightRef, string path, TableKeys keys, RowDiffOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        var readable = new HashSet<string>(["csv", "tsv", .. options.Readers.Select(r => r.Format)], StringComparer.OrdinalIgnoreCase);
        var prefix = path.Trim('/');
        var changes = await repository.DiffAsync(leftRef, rightRef, "", cancellationToken);
        var tables = changes.Where(c => prefix.Length == 0 || c.Path == prefix || c.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
            .Where(c => !c.Path.StartsWith("_mlops/", StringComparison.Ordinal) && readable.Contains(TableFormats.Of(c.Path)))
            .ToList();
        if (prefix.Length > 0 && tables.Count == 0 && TableFormats.Of(prefix).Length > 0 && !readable.Contains(TableFormats.Of(prefix)))
            throw new InvalidInputException($"'{prefix}' is not a table this diff reads ({string.Join(", ", readable.Order(StringComparer.Ordinal))}).");
        var results = new List<RowDiff>(tables.Count);
        foreach (var change in tables)
        {
            RowDiffInput? Input(Entry? entry) => entry is null ? null : new RowDiffInput(entry.Path, ct => repository.OpenBlobAsync(entry, ct), entry.Size);
            var key = options.Key.Count > 0 ? options.Key : keys.For(change.Path);
            results.Add(await CompareAsync(Input(change.Left), Input(change.Right), options with { Key = key }, cancellationToken));
        }

        return results;
    }
}
