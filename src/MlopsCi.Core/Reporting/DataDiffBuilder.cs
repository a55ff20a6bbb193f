using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Reporting;

/// <summary>Builds the report's data section: the files a data branch changed since its merge base, with table diffs of CSV/TSV files.</summary>
public static class DataDiffBuilder
{
    /// <summary>At most this many tables are read; further changed files are listed without row counts.</summary>
    public const int MaxTables = 50;

    /// <summary>Diffs <paramref name="head"/> against <paramref name="baseCommit"/>.</summary>
    public static async Task<DataDiffSection> BuildAsync(Repository repository, Commit baseCommit, Commit head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(baseCommit);
        ArgumentNullException.ThrowIfNull(head);
        var diff = await repository.DiffAsync(baseCommit.Id, head.Id, "", cancellationToken);
        var files = new List<FileChange>(diff.Count);
        var tables = 0;
        foreach (var change in diff)
        {
            TableDiff? table = null;
            if (TableDiffer.IsTable(change.Path) && tables++ < MaxTables)
                table = await TryCompareAsync(repository, change, cancellationToken);
            files.Add(new FileChange(change.Path, change.Kind, change.Left?.Size, change.Right?.Size, table));
        }

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
