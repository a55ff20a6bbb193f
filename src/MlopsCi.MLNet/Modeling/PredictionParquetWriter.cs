using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Errors;
using MlopsCi.MLNet.Data;
using Parquet;
using Parquet.Schema;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Streams a scored view to Parquet in row groups of <see cref="RowGroupRows"/> rows, so memory stays bounded whatever
/// the row count: the input's columns with their types (a Parquet input's own numeric, boolean and text types; else
/// numbers as double and the rest as text; missing values null), then the prediction columns as in the CSV output.
/// </summary>
internal static class PredictionParquetWriter
{
    public const int RowGroupRows = 65_536;

    // Parquet.Net's stream pool would otherwise keep up to 80 MB of freed buffers (its defaults).
    private static readonly ParquetOptions Options = new() { MaximumSmallPoolFreeBytes = 1 << 20, MaximumLargePoolFreeBytes = 8 << 20 };

    /// <summary>Writes <paramref name="destination"/>; <paramref name="sourceTypes"/> are a Parquet input's column types by name (empty for text input).</summary>
    public static async Task<long> WriteAsync(IDataView scored, FileProfile file, ModelBundle bundle, string destination, IReadOnlyDictionary<string, Type> sourceTypes, CancellationToken cancellationToken)
    {
        var raw = PredictionWriter.RawColumns(scored, file);
        var outputs = PredictionWriter.Outputs(scored);
        using var cursor = scored.GetRowCursor([.. raw, .. outputs]);
        var columns = raw.Select((c, i) => Input(file.Header[i], cursor.GetGetter<ReadOnlyMemory<char>>(c), sourceTypes.GetValueOrDefault(file.Header[i]) ?? (IsNumeric(file, i) ? typeof(double) : typeof(string))))
            .Concat(outputs.Select(c => Output(cursor, c, PredictionWriter.OutputNames(c, bundle))))
            .ToList();
        var fields = columns.SelectMany(c => c.Fields).ToList();
        if (fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList() is [_, ..] twice)
            throw new InvalidInputException($"{file.DisplayName} has a column named like a prediction column ({string.Join(", ", twice)}); a Parquet file cannot hold two columns of one name. Rename or drop it, or write CSV.");

        await using var stream = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, Options, cancellationToken: cancellationToken);
        long rows = 0;
        var buffered = 0;
        while (cursor.MoveNext())
        {
            foreach (var column in columns)
                column.Read(buffered);
            rows++;
            if (++buffered == RowGroupRows)
            {
                await FlushAsync(writer, columns, buffered, cancellationToken);
                buffered = 0;
            }
        }

        // An empty input still gets one (empty) row group, so readers see the schema.
        if (buffered > 0 || rows == 0)
            await FlushAsync(writer, columns, buffered, cancellationToken);
        return rows;
    }

    /// <summary>The column types of a Parquet input (to keep them in the output); empty for any other file.</summary>
    public static async Task<IReadOnlyDictionary<string, Type>> InputTypesAsync(string path, CancellationToken cancellationToken)
    {
        if (!ParquetConverter.IsParquet(path))
            return new Dictionary<string, Type>();
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
        return reader.Schema.GetDataFields().Where(f => !f.IsArray).ToDictionary(f => f.Name, f => f.ClrType, StringComparer.Ordinal);
    }

    private static async Task FlushAsync(ParquetWriter writer, List<PredictionParquetColumn> columns, int rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var group = writer.CreateRowGroup();
        foreach (var column in columns)
            await column.WriteAsync(group, rows, cancellationToken);
        group.CompleteValidate();
        // Parquet.Net allocates large per-column arrays for every row group; left to itself the GC keeps the freed
        // large-object memory committed and the resident size climbs with the row count (207 MiB at 3M rows against
        // 135 MiB with this; one full collection of a ~30 MiB heap per 65,536 rows costs a few ms). See docs/training.md.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
    }

    /// <summary>A column the inspection found numeric (and not empty), as the model's loader reads it.</summary>
    private static bool IsNumeric(FileProfile file, int column) => file.Numeric[column] && file.Missing[column] < file.Rows;

    private static PredictionParquetColumn Input(string name, ValueGetter<ReadOnlyMemory<char>> get, Type type) => type switch
    {
        _ when type == typeof(double) => Parsed<double>(name, get),
        _ when type == typeof(float) => Parsed<float>(name, get),
        _ when type == typeof(long) => Parsed<long>(name, get),
        _ when type == typeof(int) => Parsed<int>(name, get),
        _ when type == typeof(short) => Parsed<short>(name, get),
        _ when type == typeof(sbyte) => Parsed<sbyte>(name, get),
        _ when type == typeof(ulong) => Parsed<ulong>(name, get),
        _ when type == typeof(uint) => Parsed<uint>(name, get),
        _ when type == typeof(ushort) => Parsed<ushort>(name, get),
        _ when type == typeof(byte) => Parsed<byte>(name, get),
        _ when type == typeof(bool) => Parsed<bool>(name, get),
        _ => Text(name, get),
    };

    /// <summary>Text read back into its type; missing (empty or a missing marker such as NA) is null.</summary>
    private static PredictionParquetColumn.Optional<T> Parsed<T>(string name, ValueGetter<ReadOnlyMemory<char>> get)
        where T : struct, ISpanParsable<T>
    {
        ReadOnlyMemory<char> text = default;
        return new(name, () =>
        {
            get(ref text);
            return T.TryParse(text.Span.Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
        });
    }

    private static PredictionParquetColumn.Text Text(string name, ValueGetter<ReadOnlyMemory<char>> get)
    {
        ReadOnlyMemory<char> text = default;
        return new(name, () =>
        {
            get(ref text);
            return text.Length == 0 ? default(ReadOnlyMemory<char>?) : text;
        });
    }

    private static PredictionParquetColumn Output(DataViewRowCursor cursor, DataViewSchema.Column column, IReadOnlyList<string> names) => column.Type switch
    {
        VectorDataViewType => Scores(cursor, column, names),
        BooleanDataViewType => Value<bool>(cursor, column),
        TextDataViewType => Text(column.Name, cursor.GetGetter<ReadOnlyMemory<char>>(column)),
        _ => Value<float>(cursor, column),
    };

    private static PredictionParquetColumn.NonNull<T> Value<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
        where T : struct
    {
        var get = cursor.GetGetter<T>(column);
        T value = default;
        return new(column.Name, () =>
        {
            get(ref value);
            return value;
        });
    }

    /// <summary>A multiclass score: one column per class, in the model's class order.</summary>
    private static PredictionParquetColumn.Vector Scores(DataViewRowCursor cursor, DataViewSchema.Column column, IReadOnlyList<string> names)
    {
        var get = cursor.GetGetter<VBuffer<float>>(column);
        var value = default(VBuffer<float>);
        return new(names, (buffers, row) =>
        {
            get(ref value);
            var slot = 0;
            foreach (var score in value.DenseValues())
                buffers[slot++][row] = score;
        });
    }
}
