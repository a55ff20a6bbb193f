using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace MlopsCi.Training.Tests.Support;

/// <summary>A Parquet file read back with Parquet.Net: its fields, its rows (text as string) and how many row groups hold them.</summary>
internal sealed record ParquetTable(IReadOnlyList<DataField> Fields, IReadOnlyList<IDictionary<string, object?>> Rows, int RowGroups)
{
    public static async Task<ParquetTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        int groups;
        DataField[] fields;
        await using (var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true))
            (groups, fields) = (reader.RowGroupCount, reader.Schema.GetDataFields());
        stream.Position = 0;
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        // Text may come back as ReadOnlyMemory<char> (a process-wide Parquet.Net option decides) and nulls as absent keys.
        return new ParquetTable(fields, [.. result.Data.Select(r => (IDictionary<string, object?>)fields.ToDictionary(f => f.Name, f => Value(r, f.Name)))], groups);
    }

    private static object? Value(IDictionary<string, object> row, string name) => row.TryGetValue(name, out var value) ? value is ReadOnlyMemory<char> text ? text.ToString() : value : null;

    /// <summary>The field's type (nullable value types as T?; text as string, which Parquet.Net 6 reads as ReadOnlyMemory&lt;char&gt;).</summary>
    public Type TypeOf(string name)
    {
        var field = Fields.Single(f => f.Name == name);
        if (field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string))
            return typeof(string);
        return field.IsNullable && field.ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(field.ClrType) : field.ClrType;
    }
}
