namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// Streams one tabular format into a <see cref="TableVisitor"/>. CSV and TSV are built in; adapters add others
/// (Parquet lives outside Core). Content that is not valid in the format is an <see cref="Errors.InvalidInputException"/>.
/// </summary>
public interface ITableReader
{
    /// <summary>The format name (e.g. "parquet"), as used by <see cref="TableFormats"/>.</summary>
    string Format { get; }

    /// <summary>Reads the whole table. <paramref name="content"/> may be non-seekable; <paramref name="path"/> names it in messages.</summary>
    Task ReadAsync(Stream content, string path, TableVisitor visitor, CancellationToken cancellationToken);
}
