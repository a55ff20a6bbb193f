using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Specs;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Streams a scored view to CSV: every column of the input file as read, then the prediction (PredictedLabel, Score or
/// one Score column per class, Probability). One row in memory at a time. Parquet: <see cref="PredictionParquetWriter"/>.
/// </summary>
internal static class PredictionWriter
{
    public const string RawPrefix = "__raw";

    /// <summary>A loader of the model's inputs (under their names) plus every file column as text (<see cref="RawPrefix"/>i).</summary>
    public static TextLoader Loader(MLContext ml, FileProfile file, ModelBundle bundle)
    {
        var named = LoaderFactory.CreateNamed(ml, file, bundle).GetOutputSchema();
        var columns = named.Select(c => new TextLoader.Column(c.Name, c.Type is TextDataViewType ? DataKind.String : DataKind.Single, file.IndexOf(c.Name)))
            .Concat(file.Header.Select((_, i) => new TextLoader.Column(RawPrefix + i, DataKind.String, i)));
        return ml.Data.CreateTextLoader(new TextLoader.Options { Columns = [.. columns], Separators = [file.Format.Separator], HasHeader = file.Format.HeaderLine, AllowQuoting = file.Format.Quoted, TrimWhitespace = true, MissingRealsAsNaNs = true });
    }

    /// <summary>The file's columns as text (<see cref="RawPrefix"/>i), in file order.</summary>
    public static IReadOnlyList<DataViewSchema.Column> RawColumns(IDataView scored, FileProfile file) =>
        [.. file.Header.Select((_, i) => scored.Schema[RawPrefix + i])];

    /// <summary>The prediction columns the model's task has, in output order.</summary>
    public static IReadOnlyList<DataViewSchema.Column> Outputs(IDataView scored) =>
        [.. OnnxExporter.PredictionColumns.Select(scored.Schema.GetColumnOrNull).OfType<DataViewSchema.Column>()];

    /// <summary>The output names of a prediction column: a multiclass score is one <c>Score.&lt;class&gt;</c> per class.</summary>
    public static IReadOnlyList<string> OutputNames(DataViewSchema.Column column, ModelBundle bundle) =>
        column.Name == "Score" && bundle.Task == ModelTask.Multiclass ? [.. bundle.Classes.Select(k => "Score." + k)] : [column.Name];

    /// <summary>Writes <paramref name="destination"/> as Parquet when <paramref name="parquet"/>, else as CSV; returns the rows written.</summary>
    public static async Task<long> WriteAsync(IDataView scored, FileProfile file, ModelBundle bundle, string destination, bool parquet, IReadOnlyDictionary<string, Type> sourceTypes, CancellationToken cancellationToken) =>
        parquet
            ? await PredictionParquetWriter.WriteAsync(scored, file, bundle, destination, sourceTypes, cancellationToken)
            : Write(scored, file, bundle, destination, cancellationToken);

    public static long Write(IDataView scored, FileProfile file, ModelBundle bundle, string destination, CancellationToken cancellationToken)
    {
        var raw = RawColumns(scored, file);
        var outputs = Outputs(scored);
        using var cursor = scored.GetRowCursor([.. raw, .. outputs]);
        var rawGetters = raw.Select(cursor.GetGetter<ReadOnlyMemory<char>>).ToList();
        var outputGetters = outputs.Select(c => Getter(cursor, c)).ToList();
        using var writer = new StreamWriter(destination, false, new UTF8Encoding(false), 1 << 16);
        var names = file.Header.Concat(outputs.SelectMany(c => OutputNames(c, bundle)));
        writer.WriteLine(string.Join(',', names.Select(Quote)));
        var line = new StringBuilder();
        ReadOnlyMemory<char> text = default;
        long rows = 0;
        while (cursor.MoveNext())
        {
            line.Clear();
            foreach (var get in rawGetters)
            {
                get(ref text);
                line.Append(Quote(text.ToString())).Append(',');
            }

            foreach (var get in outputGetters)
                line.Append(get()).Append(',');
            line.Length--;
            writer.WriteLine(line);
            if (++rows % 65536 == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }

        return rows;
    }

    private static Func<string> Getter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (column.Type)
        {
            case VectorDataViewType:
                {
                    var get = cursor.GetGetter<VBuffer<float>>(column);
                    var value = default(VBuffer<float>);
                    return () =>
                    {
                        get(ref value);
                        return string.Join(',', value.DenseValues().Select(v => v.ToString("R", invariant)));
                    };
                }

            case BooleanDataViewType:
                {
                    var get = cursor.GetGetter<bool>(column);
                    var value = false;
                    return () =>
                    {
                        get(ref value);
                        return value ? "true" : "false";
                    };
                }

            case TextDataViewType:
                {
                    var get = cursor.GetGetter<ReadOnlyMemory<char>>(column);
                    ReadOnlyMemory<char> value = default;
                    return () =>
                    {
                        get(ref value);
                        return Quote(value.ToString());
                    };
                }

            default:
                {
                    var get = cursor.GetGetter<float>(column);
                    float value = 0;
                    return () =>
                    {
                        get(ref value);
                        return value.ToString("R", invariant);
                    };
                }
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
