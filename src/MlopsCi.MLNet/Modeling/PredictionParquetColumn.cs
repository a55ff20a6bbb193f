using Parquet;
using Parquet.Schema;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// One source of Parquet columns (usually one; a multiclass score gives one per class) that buffers a row group's values
/// as it reads the cursor row by row, then writes them in schema order.
/// </summary>
internal abstract class PredictionParquetColumn
{
    public abstract IReadOnlyList<DataField> Fields { get; }

    /// <summary>Reads the cursor's current row into slot <paramref name="row"/> of the buffer.</summary>
    public abstract void Read(int row);

    /// <summary>Writes the first <paramref name="rows"/> buffered values of every field to the row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken);

    /// <summary>A non-null value per row (the prediction columns).</summary>
    public sealed class NonNull<T>(string name, Func<T> read) : PredictionParquetColumn
        where T : struct
    {
        private readonly DataField _field = new DataField<T>(name, false);
        private readonly T[] _values = new T[PredictionParquetWriter.RowGroupRows];

        public override IReadOnlyList<DataField> Fields => [_field];

        public override void Read(int row) => _values[row] = read();

        public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(_field, _values.AsMemory(0, rows), null, null, cancellationToken);
    }

    /// <summary>A value or null (a missing input value) per row.</summary>
    public sealed class Optional<T>(string name, Func<T?> read) : PredictionParquetColumn
        where T : struct
    {
        private readonly DataField _field = new DataField<T?>(name, true);
        private readonly T?[] _values = new T?[PredictionParquetWriter.RowGroupRows];

        public override IReadOnlyList<DataField> Fields => [_field];

        public override void Read(int row) => _values[row] = read();

        public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(_field, _values.AsMemory(0, rows), null, null, cancellationToken);
    }

    /// <summary>
    /// Text or null per row, kept as ReadOnlyMemory&lt;char&gt; (how Parquet.Net 6 represents text; its string overload
    /// converts every value again).
    /// </summary>
    public sealed class Text(string name, Func<ReadOnlyMemory<char>?> read) : PredictionParquetColumn
    {
        private readonly DataField _field = new DataField<string>(name, true);
        private readonly ReadOnlyMemory<char>?[] _values = new ReadOnlyMemory<char>?[PredictionParquetWriter.RowGroupRows];

        public override IReadOnlyList<DataField> Fields => [_field];

        public override void Read(int row) => _values[row] = read();

        public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
            group.WriteAsync<ReadOnlyMemory<char>>(_field, _values.AsMemory(0, rows), null, null, cancellationToken);
    }

    /// <summary>A vector of floats per row (a multiclass score), one non-null column per slot.</summary>
    public sealed class Vector(IReadOnlyList<string> names, Action<float[][], int> read) : PredictionParquetColumn
    {
        private readonly DataField[] _fields = [.. names.Select(n => new DataField<float>(n, false))];
        private readonly float[][] _values = [.. names.Select(_ => new float[PredictionParquetWriter.RowGroupRows])];

        public override IReadOnlyList<DataField> Fields => _fields;

        public override void Read(int row) => read(_values, row);

        public override async Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken)
        {
            for (var i = 0; i < _fields.Length; i++)
                await group.WriteAsync<float>(_fields[i], _values[i].AsMemory(0, rows), null, null, cancellationToken);
        }
    }
}
