namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// One side's partition read back into a buffer reused for every partition: a fresh array per partition lived on the
/// large-object heap until a full collection, so a diff held every partition it had read (peak RSS grew with the file).
/// </summary>
internal sealed class PartitionBuffer
{
    public byte[] Data { get; private set; } = [];

    public int Length { get; private set; }

    public async Task ReadAsync(string path, CancellationToken cancellationToken)
    {
        Length = 0;
        if (!File.Exists(path))
            return;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var size = checked((int)file.Length);
        if (Data.Length < size)
            Data = new byte[Math.Max(size, Data.Length + (Data.Length / 4))];
        while (Length < size)
        {
            var read = await file.ReadAsync(Data.AsMemory(Length, size - Length), cancellationToken);
            if (read == 0)
                break;
            Length += read;
        }
    }
}
