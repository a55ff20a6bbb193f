using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using Parquet;
using Parquet.Serialization;

namespace MlopsCi.Config.Hooks;

/// <summary>
/// Parquet for the hooks (the adapter that keeps Parquet.Net out of Core): a non-seekable stream is first copied to a
/// temporary file (which also reads it to the end, so its hash is verified), then rows are read one row group at a
/// time and every value is given to the checks as invariant text.
/// </summary>
public sealed class ParquetTableReader : ITableReader
{
    /// <inheritdoc />
    public string Format => "parquet";

    /// <inheritdoc />
    public async Task ReadAsync(Stream content, string path, TableVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(visitor);
        var temp = content.CanSeek ? null : Path.Combine(Path.GetTempPath(), "mlops-parquet-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            if (temp is not null)
            {
                await using var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await content.CopyToAsync(copy, cancellationToken);
            }

            await using var file = temp is null ? null : new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            await ReadRowsAsync(file ?? content, visitor, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or MlopsException))
        {
            throw new InvalidInputException($"'{path}' could not be read as Parquet ({e.Message.TrimEnd('.')})", e);
        }
        finally
        {
            if (temp is not null)
                File.Delete(temp);
        }
    }

    private static async Task ReadRowsAsync(Stream stream, TableVisitor visitor, CancellationToken cancellationToken)
    {
        string[] names;
        int groups;
        await using (var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken))
            (names, groups) = ([.. reader.Schema.GetDataFields().Select(f => f.Name)], reader.RowGroupCount);
        visitor.Header(names);
        var row = new TableRow();
        long number = 0;
        for (var g = 0; g < groups; g++)
        {
            stream.Position = 0;
            var result = await ParquetSerializer.DeserializeUntypedAsync(stream, null, g, cancellationToken);
            foreach (var values in result.Data)
            {
                row.Clear();
                foreach (var name in names)
                    row.Append(Text(values.TryGetValue(name, out var value) ? value : null));
                row.Number = ++number;
                visitor.Row(row);
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime time => time.TimeOfDay == TimeSpan.Zero && time.Kind == DateTimeKind.Unspecified
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
