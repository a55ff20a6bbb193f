namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>The counts and samples of a diff, accumulated partition by partition.</summary>
internal sealed class DiffTally(int maxSamples, int compared)
{
    private const int MaxDuplicateKeys = 5;

    public long Added { get; set; }

    public long Removed { get; set; }

    public long Modified { get; set; }

    public long[] CellChanges { get; } = new long[compared];

    public SampleKeeper<RowChange> AddedRows { get; } = new(maxSamples);

    public SampleKeeper<RowChange> RemovedRows { get; } = new(maxSamples);

    public SampleKeeper<RowChange> ModifiedRows { get; } = new(maxSamples);

    public long DuplicatesBefore { get; set; }

    public long DuplicatesAfter { get; set; }

    public SampleKeeper<string> DuplicateKeysBefore { get; } = new(MaxDuplicateKeys);

    public SampleKeeper<string> DuplicateKeysAfter { get; } = new(MaxDuplicateKeys);
}
