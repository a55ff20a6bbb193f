using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Storage;

namespace MlopsCi.Web;

/// <summary>What <see cref="UiServer"/> serves and where: the store, the address, and table readers beyond CSV/TSV (Parquet).</summary>
/// <param name="Store">The store to read (local folder or S3); the server never writes to it.</param>
/// <param name="Host">The address to bind: 127.0.0.1 unless the user says otherwise (the UI has no authentication).</param>
/// <param name="Port">The port; 0 picks a free one.</param>
public sealed record UiServerOptions(IObjectStore Store, string Host = "127.0.0.1", int Port = 5000)
{
    /// <summary>Readers for formats Core cannot read itself (e.g. Parquet from MlopsCi.Config).</summary>
    public IReadOnlyList<ITableReader> Readers { get; init; } = [];

    /// <summary>The key columns per table glob (<c>data.keys</c> of mlops.yml), so the diff page matches rows by key as the pull-request comment does.</summary>
    public TableKeys Keys { get; init; } = TableKeys.None;
}
