using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Reads a delimited file once, streaming, with the one CSV reader: infers column types from the first
/// <see cref="SampleRows"/> rows, then checks every row (field count; numbers in numeric columns) and collects label
/// values. Bad data is bad input naming the file, line and column. A column whose sampled values are numbers but for a
/// few strays (at most <see cref="StrayPercent"/> percent) is numeric and the strays are errors: one typo in a small file
/// must not silently turn a numeric column into categories.
/// </summary>
internal static class FileInspector
{
    public const int SampleRows = 1000;

    /// <summary>The largest percentage of non-number values a sampled column may have and still be numeric.</summary>
    public const int StrayPercent = 5;

    /// <param name="file">The local file and its repository path.</param>
    /// <param name="label">The label column (its values are collected when <paramref name="collectLabels"/>).</param>
    /// <param name="collectLabels">Whether to collect distinct label values (classification).</param>
    /// <param name="notNumeric">Columns declared categorical, text or ignored: never checked as numbers.</param>
    /// <param name="format">The layout, when known (a file this program wrote); else resolved from <paramref name="dialect"/>.</param>
    /// <param name="dialect">The spec's <c>model.data.csv</c>, else null: a header line and a sniffed separator.</param>
    public static FileProfile Inspect(Core.Training.DataFile file, string? label, bool collectLabels, IReadOnlySet<string> notNumeric, TextFormat? format = null, CsvDialect? dialect = null)
    {
        format ??= TextFormat.Resolve(file.LocalPath, dialect);
        var inspection = new FileInspection(file, format, label, collectLabels, notNumeric);
        using (var stream = File.OpenRead(file.LocalPath))
            format.Reader(file.LocalPath).Read(stream, file.DisplayName, inspection);
        return inspection.Finish();
    }
}
