using System.IO.Compression;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.MLNet.Modeling;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Gets input files ready for the loader: Parquet converted to text, every row checked, rows without a label dropped,
/// and without a test file, a split: time-ordered with a time column (the latest rows are the test set), else by row
/// hash (see <see cref="RandomSplitter"/>).
/// </summary>
internal static class DataPreparer
{
    public static async Task<PreparedData> PrepareAsync(ModelSpec spec, DataFile train, DataFile? test, bool split, bool checkNames, string work, CancellationToken cancellationToken)
    {
        var randomSplit = test is null && split && spec.TimeColumn is null;
        var trainProfile = await ProfileAsync(spec, train, work, "train", checkNames, !randomSplit, cancellationToken);
        if (randomSplit)
            return RandomSplitter.Split(spec, trainProfile, work);
        var testProfile = test is null ? null : await ProfileAsync(spec, test, work, "test", checkNames, true, cancellationToken);
        if (testProfile is null && split && spec.TimeColumn is { } time)
            return TimeSplitter.Split(spec, trainProfile, time, work);
        return new PreparedData(trainProfile, testProfile);
    }

    /// <summary>
    /// Converts (if Parquet), inspects, checks the spec's column names (when asked), and drops rows without a label
    /// (when <paramref name="dropUnlabelled"/>; a random split drops them itself, in the same pass).
    /// </summary>
    public static async Task<FileProfile> ProfileAsync(ModelSpec spec, DataFile file, string work, string role, bool checkNames, bool dropUnlabelled, CancellationToken cancellationToken)
    {
        var profile = await InspectAsync(spec, file, work, role, spec.Label, cancellationToken);
        if (checkNames)
            ColumnPlanner.CheckNames(spec, profile);
        else if (profile.IndexOf(spec.Label) < 0)
            throw new InvalidInputException($"{file.DisplayName} has no label column '{spec.Label}' (columns: {string.Join(", ", profile.Header)}); evaluation needs labelled rows.");
        if (profile.MissingLabels == 0)
            return profile;
        if (profile.MissingLabels == profile.Rows)
            throw new InvalidInputException($"{file.DisplayName}: every row misses the label '{spec.Label}'; there is nothing to learn from.");
        if (!dropUnlabelled)
            return profile;
        var filtered = Path.Combine(work, $"{role}-labelled-{Path.GetFileName(file.LocalPath)}");
        var label = profile.IndexOf(spec.Label);
        Rewrite(profile, filtered, fields => !Values.IsMissing(fields[label]));
        return FileInspector.Inspect(new DataFile(filtered, file.DisplayName), spec.Label, spec.Task != ModelTask.Regression, ColumnPlanner.NotNumeric(spec), profile.Format) with { DroppedUnlabelled = profile.MissingLabels };
    }

    /// <summary>
    /// A readable text copy of <paramref name="file"/> (gzip unpacked, Parquet converted, a header line added per the
    /// spec's CSV dialect), inspected; <paramref name="label"/> null when rows need no label (prediction).
    /// </summary>
    public static async Task<FileProfile> InspectAsync(ModelSpec spec, DataFile file, string work, string role, string? label, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        if (TableFormats.IsGzip(file.LocalPath))
            file = file with { LocalPath = await DecompressAsync(file, Path.Combine(work, $"{role}-{Path.GetFileNameWithoutExtension(file.LocalPath)}"), cancellationToken) };
        if (ParquetConverter.IsParquet(file.LocalPath))
        {
            var text = Path.Combine(work, $"{role}-{Path.GetFileNameWithoutExtension(file.LocalPath)}.tsv");
            await ParquetConverter.ConvertAsync(file.LocalPath, file.DisplayName, text, long.MaxValue, cancellationToken);
            file = file with { LocalPath = text };
        }

        TextFormat? format = null;
        if (spec.Data.Csv is { Header: false } headerless && !ParquetConverter.IsParquet(file.LocalPath))
            (file, format) = WithHeader(file, headerless, spec, Path.Combine(work, $"{role}-header-{Path.GetFileName(file.LocalPath)}"));
        return FileInspector.Inspect(file, label, label is not null && spec.Task != ModelTask.Regression, ColumnPlanner.NotNumeric(spec), format, spec.Data.Csv?.Separator);
    }

    /// <summary>
    /// A file without a header line (<c>model.data.csv: { header: false, columns: […] }</c>) copied behind a header of the
    /// spec's names, so every later step reads it like any other file.
    /// </summary>
    private static (DataFile File, TextFormat Format) WithHeader(DataFile file, CsvDialect csv, ModelSpec spec, string destination)
    {
        using var reader = new StreamReader(file.LocalPath, System.Text.Encoding.UTF8, true, 1 << 16);
        var first = reader.ReadLine() ?? "";
        var sample = new List<string>();
        var format = csv.Separator is { } given ? new TextFormat(given, true) : TextFormat.Detect(file.LocalPath, first, sample);
        var fields = new List<string>();
        format.Split(first, fields);
        if (fields.Count != csv.Columns.Count)
            throw new InvalidInputException($"{file.DisplayName} line 1: {fields.Count} values, but {spec.At("data.csv")} names {csv.Columns.Count} columns in model.data.csv.columns. List one name per column, in file order (separator '{(format.Separator == '\t' ? "\\t" : format.Separator.ToString())}').");
        using var writer = new StreamWriter(destination, false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.WriteLine(string.Join(format.Separator, csv.Columns.Select(c => c.Contains(format.Separator, StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)));
        writer.WriteLine(first);
        while (reader.ReadLine() is { } line)
            writer.WriteLine(line);
        return (file with { LocalPath = destination }, format);
    }

    /// <summary>A gzip-compressed file (name.csv.gz) unpacked to <paramref name="destination"/> (name.csv), whose extension then tells its format.</summary>
    private static async Task<string> DecompressAsync(DataFile file, string destination, CancellationToken cancellationToken)
    {
        try
        {
            await using var input = new GZipStream(File.OpenRead(file.LocalPath), CompressionMode.Decompress);
            await using var output = File.Create(destination);
            await input.CopyToAsync(output, cancellationToken);
            return destination;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"{file.DisplayName} is not gzip-compressed ({e.Message}); name it without .gz if it is plain text.", e);
        }
    }

    /// <summary>Copies the header and the rows <paramref name="keep"/> accepts.</summary>
    public static void Rewrite(FileProfile profile, string destination, Func<List<string>, bool> keep)
    {
        using var reader = new StreamReader(profile.LocalPath);
        using var writer = new StreamWriter(destination, false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.WriteLine(reader.ReadLine());
        var fields = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            profile.Format.Split(line, fields);
            if (keep(fields))
                writer.WriteLine(line);
        }
    }
}
