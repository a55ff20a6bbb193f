using System.Globalization;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Splits a file by time: rows ordered by the time column (dates, numbers, or text in ordinal order; stable for ties),
/// the latest <see cref="ModelDataSpec.HoldoutFraction"/> of them become the test set.
/// </summary>
internal static class TimeSplitter
{
    public static PreparedData Split(ModelSpec spec, FileProfile file, string timeColumn, string work)
    {
        var index = file.IndexOf(timeColumn);
        if (index < 0)
            throw new Core.Errors.InvalidInputException($"{spec.At("time-column")}: time column '{timeColumn}' is not in {file.DisplayName} (columns: {string.Join(", ", file.Header)}).");
        var rows = new List<(string Line, IComparable Key, int Order)>(file.Rows);
        file.ReadRows(row => rows.Add((RowText.Format(row, file.Format.Separator), Key(row[index].ToString()), rows.Count)));
        var numeric = rows.All(r => r.Key is double);
        var dates = rows.All(r => r.Key is DateTimeOffset);
        var ordered = (numeric ? rows.OrderBy(r => (double)r.Key)
                : dates ? rows.OrderBy(r => (DateTimeOffset)r.Key)
                : rows.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
            .ThenBy(r => r.Order).Select(r => r.Line).ToList();
        var testCount = Math.Max(1, (int)Math.Round(ordered.Count * spec.Data.HoldoutFraction));
        var trainPath = Path.Combine(work, "time-train" + Extension(file));
        var testPath = Path.Combine(work, "time-test" + Extension(file));
        var header = RowText.Format(file.Header, file.Format.Separator);
        File.WriteAllLines(trainPath, [header, .. ordered.Take(ordered.Count - testCount)]);
        File.WriteAllLines(testPath, [header, .. ordered.Skip(ordered.Count - testCount)]);
        var notNumeric = Modeling.ColumnPlanner.NotNumeric(spec);
        var collect = spec.Task != ModelTask.Regression;
        var format = file.Format.Plain;
        return new PreparedData(
            FileInspector.Inspect(new DataFile(trainPath, file.DisplayName + " (earlier rows)"), spec.Label, collect, notNumeric, format) with { Unlabelled = file.LabelGaps },
            FileInspector.Inspect(new DataFile(testPath, file.DisplayName + " (latest rows)"), spec.Label, collect, notNumeric, format));
    }

    private static string Extension(FileProfile file) => file.Format.Separator == '\t' ? ".tsv" : ".csv";

    private static IComparable Key(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        return value;
    }
}
