using System.IO.Compression;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Streams one stored table (gzip undone, the blob read to its end so its hash is verified) into a visitor.</summary>
internal static class TableSource
{
    public static async Task ReadAsync(Repository repository, Entry entry, ITableReader reader, TableVisitor visitor, CancellationToken cancellationToken)
    {
        await using var blob = await repository.OpenBlobAsync(entry, cancellationToken);
        await using (var content = TableFormats.IsGzip(entry.Path) ? new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true) : null)
            await reader.ReadAsync(content ?? blob, entry.Path, visitor, cancellationToken);
        await blob.CopyToAsync(Stream.Null, cancellationToken);
    }
}
