using System.Runtime.ExceptionServices;
using MlopsCi.Core.Errors;
using MlopsCi.Core.RowDiffs.Internal;

namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// Keyed row and cell diff of two versions of a table (CSV/TSV, optionally .gz, and formats from
/// <see cref="RowDiffOptions.Readers"/>). Both sides stream once into hash partitions on disk, sized so that one
/// partition of each side fits <see cref="RowDiffOptions.MemoryBudget"/>; partitions are then compared one at a time,
/// so memory does not grow with the file.
/// </summary>
public static partial class RowDiffer
{
    private const int UnknownSizePartitions = 64;
    private const int MaxPartitions = 1024;

    /// <summary>
    /// Compares <paramref name="before"/> (null: the table is new) with <paramref name="after"/> (null: deleted).
    /// A key column missing from a side, or an unreadable table, is an <see cref="InvalidInputException"/>.
    /// </summary>
    public static async Task<RowDiff> CompareAsync(RowDiffInput? before, RowDiffInput? after, RowDiffOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (before is null && after is null)
            throw new ArgumentException("At least one version of the table is needed.", nameof(after));
        var path = (after ?? before)!.Path;
        var key = options.Key.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var partitions = PartitionCount(before, after, options.MemoryBudget);
        var directory = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "mlops-rowdiff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            using var left = new SpillWriter(directory, "before", partitions, key, $"the old version of '{before?.Path}'");
            using var right = new SpillWriter(directory, "after", partitions, key, $"the new version of '{after?.Path}'");
            // The two versions are read and spilled side by side: each is one core's work (parse, encode, write).
            Task[] spills =
            [
                Task.Run(() => SpillAsync(before, left, options, cancellationToken), cancellationToken),
                Task.Run(() => SpillAsync(after, right, options, cancellationToken), cancellationToken),
            ];
            try
            {
                await Task.WhenAll(spills);
            }
            catch when (spills[0].Exception?.InnerException is { } first)
            {
                // When both sides fail (a key missing from both), the old version's error is the one reported, every time.
                ExceptionDispatchInfo.Throw(first);
            }

            var schema = SchemaOf(left, right, before is not null && after is not null);
            var plan = PlanOf(key, left, right, schema);
            var sameColumns = before is null || after is null || left.Names.Order(StringComparer.Ordinal).SequenceEqual(right.Names.Order(StringComparer.Ordinal), StringComparer.Ordinal);
            var tally = new DiffTally(options.MaxSamples, plan.Compared.Length);
            if (key.Count > 0 || sameColumns)
            {
                var comparer = new PartitionComparer(plan, tally);
                var (leftPart, rightPart) = (new PartitionBuffer(), new PartitionBuffer());
                for (var p = 0; p < partitions; p++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await leftPart.ReadAsync(left.PartitionPath(p), cancellationToken);
                    await rightPart.ReadAsync(right.PartitionPath(p), cancellationToken);
                    comparer.Compare(leftPart.Data, leftPart.Length, rightPart.Data, rightPart.Length);
                    File.Delete(left.PartitionPath(p));
                    File.Delete(right.PartitionPath(p));
                }
            }
            else
            {
                (tally.Added, tally.Removed) = (Math.Max(0, right.Rows - left.Rows), Math.Max(0, left.Rows - right.Rows));
            }

            return Result(path, key, left, right, schema, plan, tally, sameColumns);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
