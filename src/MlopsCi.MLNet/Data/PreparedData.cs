namespace MlopsCi.MLNet.Data;

/// <summary>
/// Inspected local text files ready to load: the train file and, when there is one, the test file: given, or split off
/// the train file (then <paramref name="Whole"/> is the file both parts came from, unlabelled rows included).
/// </summary>
internal sealed record PreparedData(FileProfile Train, FileProfile? Test, FileProfile? Whole = null)
{
    /// <summary>
    /// The file of the content hash of each train row in file order (<see cref="HashSpill"/>), when the split computed
    /// them (else hash the file).
    /// </summary>
    public string? TrainHashesFile { get; init; }

    /// <summary>The content hash of each test row in file order, when the split computed them.</summary>
    public ulong[]? TestHashes { get; init; }
}
