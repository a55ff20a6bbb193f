using MlopsCi.Core.Errors;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// Builds the report's data section between two commits (the caller picks them: the pull request's merge base and
/// head, or any two refs of the web UI): the changed files, with a row diff (<see cref="RowDiffer"/>, keyed where
/// <see cref="DataDiffOptions.Keys"/> names a key) of every changed table, so the row totals are exact sums; the files
/// with the largest row changes first.
/// </summary>
public static class DataDiffBuilder
{
    // Tables are read a few at a time: many small files are bound by latency (S3), large ones by one core each; each
    // diff's partitions stay within RowDiffOptions.MemoryBudget, so memory is bounded by this times the budget.
    private const int Parallelism = 4;

    /// <summary>Diffs <paramref name="head"/> against <paramref name="baseCommit"/>, every table compared as whole records.</summary>
    public static Task<DataDiffSection> BuildAsync(Repository repository, Commit baseCommit, Commit head, CancellationToken cancellationToken) =>
        BuildAsync(repository, baseCommit, head, DataDiffOptions.Default, cancellationToken);

    /// <summary>Diffs <paramref name="head"/> against <paramref name="baseCommit"/> with the keys and readers of <paramref name="options"/>.</summary>
    public static async Task<DataDiffSection> BuildAsync(Repository repository, Commit baseCommit, Commit head, DataDiffOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(baseCommit);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        var diff = await repository.DiffAsync(baseCommit.Id, head.Id, "", cancellationToken);
        var tables = new TableDiff?[diff.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, diff.Count).Where(i => !diff[i].Path.StartsWith("_mlops/", StringComparison.Ordinal) && TableDiffer.IsTable(diff[i].Path, options.Readers)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => tables[i] = await TryCompareAsync(repository, diff[i], options, token));
        var files = diff.Select((change, i) => new FileChange(change.Path, change.Kind, change.Left?.Size, change.Right?.Size, tables[i]))
            .OrderByDescending(f => (f.Table?.RowsAdded ?? 0) + (f.Table?.RowsRemoved ?? 0) + (f.Table?.RowsModified ?? 0))
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new DataDiffSection(baseCommit.Id, head.Id, files);
    }

    private static async Task<TableDiff?> TryCompareAsync(Repository repository, DiffEntry change, DataDiffOptions options, CancellationToken cancellationToken)
    {
        RowDiffInput? Input(Entry? entry) => entry is null ? null : new RowDiffInput(entry.Path, ct => repository.OpenBlobAsync(entry, ct), entry.Size);
        var rowOptions = new RowDiffOptions { Key = options.Keys.For(change.Path), MaxSamples = options.MaxSamples, Readers = options.Readers, Dialects = options.Dialects };
        try
        {
            return await TableDiffer.CompareAsync(Input(change.Left), Input(change.Right), rowOptions, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            // An unreadable table (e.g. not valid gzip) is still a change worth listing; say why rows are missing.
            return new TableDiff(0, 0, 0, 0, [], [], [], "not compared: " + e.Message);
        }
    }
}
