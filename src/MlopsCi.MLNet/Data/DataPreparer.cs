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
        Rewrite(profile, filtered, row => !profile.Format.Missing.IsMissing(row[label]));
        return FileInspector.Inspect(new DataFile(filtered, file.DisplayName), spec.Label, spec.Task != ModelTask.Regression, ColumnPlanner.NotNumeric(spec), profile.Format.Plain) with { DroppedUnlabelled = profile.MissingLabels, Unlabelled = profile.LabelGaps };
    }

    /// <summary>
    /// <paramref name="file"/> inspected in the spec's CSV dialect, or a readable text copy (gzip unpacked, Parquet converted,
    /// another encoding or a decimal comma normalised);
    /// <paramref name="label"/> null when rows need no label (prediction).
    /// </summary>
    public static async Task<FileProfile> InspectAsync(ModelSpec spec, DataFile file, string work, string role, string? label, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        if (TableFormats.IsGzip(file.LocalPath))
            file = file with { LocalPath = await DecompressAsync(file, Path.Combine(work, $"{role}-{Path.GetFileNameWithoutExtension(file.LocalPath)}"), cancellationToken) };
        var notNumeric = ColumnPlanner.NotNumeric(spec);
        var collect = label is not null && spec.Task != ModelTask.Regression;
        if (!ParquetConverter.IsParquet(file.LocalPath))
        {
            var profile = FileInspector.Inspect(file, label, collect, notNumeric, dialect: spec.Data.Csv);
            if (!profile.Format.NeedsNormalising)
                return profile;

            // ML.NET's loader reads UTF-8 with decimal points: it gets a copy of the rows as our reader read them, with the
            // declared missing markers that are numbers (-999) blank, which it would read as numbers.
            var copy = Path.Combine(work, $"{role}-utf8-{Path.GetFileName(file.LocalPath)}");
            Rewrite(profile, copy, _ => true, blankNumberMarkers: profile.Format.MissingMarkers is not null);
            return profile with { LocalPath = copy, Format = profile.Format.Plain };
        }

        // The tab-separated copy of a Parquet file has a header line: the spec's dialect describes delimited files only.
        var text = Path.Combine(work, $"{role}-{Path.GetFileNameWithoutExtension(file.LocalPath)}.tsv");
        await ParquetConverter.ConvertAsync(file.LocalPath, file.DisplayName, text, long.MaxValue, cancellationToken);
        return FileInspector.Inspect(file with { LocalPath = text }, label, collect, notNumeric, new TextFormat('\t', true));
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

    /// <summary>
    /// Copies the header (as a header line) and the rows <paramref name="keep"/> accepts; with
    /// <paramref name="blankNumberMarkers"/>, the missing markers that are numbers are written blank.
    /// </summary>
    public static void Rewrite(FileProfile profile, string destination, Func<TableRow, bool> keep, bool blankNumberMarkers = false)
    {
        using var writer = new StreamWriter(destination, false, new System.Text.UTF8Encoding(false), 1 << 16);
        RowText.WriteLine(writer, profile.Header, profile.Format.Separator);
        var missing = blankNumberMarkers ? profile.Format.Missing : null;
        profile.ReadRows(row =>
        {
            if (keep(row))
                RowText.WriteLine(writer, row, profile.Format.Separator, missing);
        });
    }
}
