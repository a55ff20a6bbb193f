namespace MlopsCi.MLNet.Data;

/// <summary>Inspected local text files ready to load: the train file, and the test file when there is one (else a seeded split of train).</summary>
internal sealed record PreparedData(FileProfile Train, FileProfile? Test);
