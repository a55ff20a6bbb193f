using System.Globalization;
using MlopsCi.Core.Errors;
using Parquet;
using Parquet.Schema;

namespace MlopsCi.MLNet.Data;

/// <summary>Converts a Parquet file to a delimited (by default tab-separated) text file with a header, row group by row group (bounded memory).</summary>
internal static class ParquetConverter
{
    public static bool IsParquet(string path) => Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="destination"/> from a Parquet file; <paramref name="maxRows"/> limits the rows copied.</summary>
    public static async Task ConvertAsync(string source, string displayName, string destination, long maxRows, CancellationToken cancellationToken, char separator = '\t')
    {
        await CheckMagicAsync(source, displayName, cancellationToken);
        try
        {
            int groups;
            DataField[] fields;
            await using (var probe = File.OpenRead(source))
            await using (var reader = await ParquetReader.CreateAsync(probe, cancellationToken: cancellationToken))
                (groups, fields) = (reader.RowGroupCount, reader.Schema.GetDataFields());
            await using var output = new StreamWriter(destination, false, new System.Text.UTF8Encoding(false), 1 << 16);
            await output.WriteLineAsync(string.Join(separator, fields.Select(f => Clean(f.Name))));
            long written = 0;
            var line = new System.Text.StringBuilder();
            for (var g = 0; g < groups && written < maxRows; g++)
            {
                await using var input = File.OpenRead(source);
                var result = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(input, null, g, cancellationToken);
                foreach (var row in result.Data)
                {
                    if (written >= maxRows)
                        break;
                    line.Clear();
                    for (var f = 0; f < fields.Length; f++)
                    {
                        if (f > 0)
                            line.Append(separator);
                        line.Append(Format(row.TryGetValue(fields[f].Name, out var value) ? value : null));
                    }

                    await output.WriteLineAsync(line, cancellationToken);
                    written++;
                }
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or MlopsException or IOException))
        {
            throw new InvalidInputException($"{displayName} could not be read as Parquet ({e.Message}).", e);
        }
    }

    /// <summary>
    /// A Parquet file starts and ends with "PAR1"; anything else is bad input named as such (Parquet.Net reports it as an
    /// I/O error, which read as a disk problem).
    /// </summary>
    private static async Task CheckMagicAsync(string source, string displayName, CancellationToken cancellationToken)
    {
        var (head, tail) = (new byte[4], new byte[4]);
        await using (var stream = File.OpenRead(source))
        {
            var length = stream.Length;
            if (length >= 8)
            {
                await stream.ReadExactlyAsync(head, cancellationToken);
                stream.Seek(-4, SeekOrigin.End);
                await stream.ReadExactlyAsync(tail, cancellationToken);
            }
        }

        if (!"PAR1"u8.SequenceEqual(head) || !"PAR1"u8.SequenceEqual(tail))
        {
            var start = new string([.. System.Text.Encoding.ASCII.GetString(head).Select(c => char.IsControl(c) ? '.' : c)]);
            throw new InvalidInputException($"{displayName} is not a Parquet file (Parquet files start and end with 'PAR1'; this one starts with '{start}'). Give it the extension of its real format (.csv, .tsv, .csv.gz) or write it as Parquet.");
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => Clean(text),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        float number => float.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "",
        double number => double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Clean(value.ToString() ?? ""),
    };

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
