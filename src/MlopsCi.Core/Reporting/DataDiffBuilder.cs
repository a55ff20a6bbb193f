using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// Builds the report's data section: the files a data branch changed since its merge base, with table diffs of every
/// changed CSV/TSV file (so the row totals are exact sums), the files with the largest row changes first.
/// </summary>
public static class DataDiffBuilder
{
    // Tables are read a few at a time: many small files are bound by latency (S3), large ones by one core each.
    private const int Parallelism = 4;

    /// <summary>Diffs <paramref name="head"/> against <paramref name="baseCommit"/>.</summary>
    public static async Task<DataDiffSection> BuildAsync(Repository repository, Commit baseCommit, Commit head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(baseCommit);
        ArgumentNullException.ThrowIfNull(head);
        var diff = await repository.DiffAsync(baseCommit.Id, head.Id, "", cancellationToken);
        var tables = new TableDiff?[diff.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, diff.Count).Where(i => TableDiffer.IsTable(diff[i].Path)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => tables[i] = await TryCompareAsync(repository, diff[i], token));
        var files = diff.Select((change, i) => new FileChange(change.Path, change.Kind, change.Left?.Size, change.Right?.Size, tables[i]))
            .OrderByDescending(f => (f.Table?.RowsAdded ?? 0) + (f.Table?.RowsRemoved ?? 0))
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new DataDiffSection(baseCommit.Id, head.Id, files);
    }

    private static async Task<TableDiff?> TryCompareAsync(Repository repository, DiffEntry change, CancellationToken cancellationToken)
    {
        Func<Task<Stream>>? Open(Entry? entry) => entry is null ? null : () => repository.OpenBlobAsync(entry, cancellationToken);
        try
        {
            return await TableDiffer.CompareAsync(Open(change.Left), Open(change.Right), change.Path, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            // An unreadable table (e.g. empty) is still a change worth listing; say why rows are missing.
            return new TableDiff(0, 0, 0, 0, [], [], [], "not compared: " + e.Message);
        }
    }
}
