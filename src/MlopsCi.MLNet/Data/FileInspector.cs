using MlopsCi.Core.Errors;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Reads a delimited file once, streaming: infers column types from the first <see cref="SampleRows"/> rows, then checks
/// every row (field count; numbers in numeric columns) and collects label values. Bad data is bad input naming the file,
/// line and column. A column whose sampled values are numbers but for a few strays (at most <see cref="StrayPercent"/> percent)
/// is numeric and the strays are errors: one typo in a small file must not silently turn a numeric column into categories.
/// </summary>
internal static class FileInspector
{
    public const int SampleRows = 1000;

    /// <summary>Lines after the header that separator sniffing reads.</summary>
    private const int SniffedLines = 20;
    private const int MaxClasses = 1000;

    /// <summary>The largest percentage of non-number values a sampled column may have and still be numeric.</summary>
    private const int StrayPercent = 5;

    /// <param name="file">The local file and its repository path.</param>
    /// <param name="label">The label column (its values are collected when <paramref name="collectLabels"/>).</param>
    /// <param name="collectLabels">Whether to collect distinct label values (classification).</param>
    /// <param name="notNumeric">Columns declared categorical, text or ignored: never checked as numbers.</param>
    /// <param name="format">The format, when known (a file this program wrote); else detected, with <paramref name="separator"/> when the spec sets one.</param>
    /// <param name="separator">The spec's separator (<c>model.data.csv.separator</c>), else null: sniffed.</param>
    public static FileProfile Inspect(Core.Training.DataFile file, string? label, bool collectLabels, IReadOnlySet<string> notNumeric, TextFormat? format = null, char? separator = null)
    {
        using var reader = new StreamReader(file.LocalPath, System.Text.Encoding.UTF8, true, 1 << 16);
        var headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
            throw new InvalidInputException($"{file.DisplayName} is empty: it needs a header line and at least one row.");
        format ??= TextFormat.Detect(file.LocalPath, headerLine, FirstLines(file.LocalPath, SniffedLines), separator);
        var header = new List<string>();
        format.Split(headerLine.TrimStart('\uFEFF'), header);
        header = [.. header.Select(h => h.Trim())];
        if (LooksLikeData(header))
        {
            var names = string.Join(", ", Enumerable.Range(1, Math.Min(header.Count, 4)).Select(i => "c" + i)) + (header.Count > 4 ? ", …" : "");
            throw new InvalidInputException($"{file.DisplayName} line 1: the first line looks like data, not a header (every value is a number: {string.Join(", ", header.Take(8))}{(header.Count > 8 ? ", …" : "")}). Give the file a header line, or name its {header.Count} columns in mlops.yml: model.data.csv: {{ header: false, columns: [{names}] }}.");
        }

        if (header.Distinct(StringComparer.Ordinal).Count() != header.Count)
            throw new InvalidInputException($"{file.DisplayName} line 1: the header names a column twice ({string.Join(", ", header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key))}); column names must be unique.");
        var labelIndex = label is null ? -1 : header.IndexOf(label);
        var state = new State(header.Count);
        var sample = new List<(int Line, string[] Fields)>(SampleRows);
        var fields = new List<string>(header.Count);
        var numeric = Enumerable.Repeat(true, header.Count).ToArray();
        var lineNumber = 1;
        var typed = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            if (typed && (!format.Quoted || !line.Contains('"', StringComparison.Ordinal)))
            {
                // Fast path for unquoted lines: fields checked as spans, no string per field.
                CheckUnquoted(file, header, line, format.Separator, lineNumber, numeric, labelIndex, collectLabels, state);
                continue;
            }

            format.Split(line, fields);
            if (fields.Count != header.Count)
                throw new InvalidInputException($"{file.DisplayName} line {lineNumber}: {fields.Count} values, but the header has {header.Count} columns. Check the separator '{Printable(format.Separator)}' and quoting on that line.");
            if (!typed)
            {
                sample.Add((lineNumber, [.. fields]));
                if (sample.Count < SampleRows)
                    continue;
                Infer(header, sample, notNumeric, numeric, state);
                foreach (var (sampleLine, sampleFields) in sample)
                    Check(file, header, sampleFields, sampleLine, numeric, labelIndex, collectLabels, state);
                typed = true;
                continue;
            }

            Check(file, header, fields, lineNumber, numeric, labelIndex, collectLabels, state);
        }

        if (!typed)
        {
            Infer(header, sample, notNumeric, numeric, state);
            foreach (var (sampleLine, sampleFields) in sample)
                Check(file, header, sampleFields, sampleLine, numeric, labelIndex, collectLabels, state);
        }

        if (state.Rows == 0)
            throw new InvalidInputException($"{file.DisplayName} has a header but no data rows; there is nothing to train or evaluate on.");
        return new FileProfile(file.LocalPath, file.DisplayName, format, header, state.Rows, numeric, state.Missing, collectLabels ? state.Labels : null, state.MissingLabels);
    }

    /// <summary>Every value a number, and not the column numbers 0…n-1 or 1…n that some exports write as names.</summary>
    private static bool LooksLikeData(List<string> header)
    {
        if (!header.All(h => Values.IsNumber(h)))
            return false;
        var numbered = header.Select((h, i) => (h, i)).ToList();
        return !numbered.All(x => x.h == x.i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            && !numbered.All(x => x.h == (x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<string> FirstLines(string path, int count)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 12);
        reader.ReadLine();
        var lines = new List<string>(count);
        while (lines.Count < count && reader.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }

    private static void Infer(List<string> header, List<(int Line, string[] Fields)> sample, IReadOnlySet<string> notNumeric, bool[] numeric, State state)
    {
        state.SampledRows = sample.Count;
        for (var c = 0; c < header.Count; c++)
        {
            var (present, numbers) = (0, 0);
            if (!notNumeric.Contains(header[c]))
            {
                foreach (var (_, fields) in sample)
                {
                    if (Values.IsMissing(fields[c]))
                        continue;
                    present++;
                    if (Values.IsNumber(fields[c]))
                        numbers++;
                }
            }

            numeric[c] = numbers > 0 && (present - numbers) * 100 <= present * StrayPercent;
        }
    }

    private static void Check(Core.Training.DataFile file, List<string> header, IReadOnlyList<string> fields, int line, bool[] numeric, int labelIndex, bool collectLabels, State state)
    {
        state.Rows++;
        for (var c = 0; c < fields.Count; c++)
            CheckValue(file, header, fields[c], line, c, numeric, labelIndex, collectLabels, state);
    }

    private static void CheckUnquoted(Core.Training.DataFile file, List<string> header, string line, char separator, int lineNumber, bool[] numeric, int labelIndex, bool collectLabels, State state)
    {
        var rest = line.AsSpan();
        var count = rest.Count(separator) + 1;
        if (count != header.Count)
            throw new InvalidInputException($"{file.DisplayName} line {lineNumber}: {count} values, but the header has {header.Count} columns. Check the separator '{Printable(separator)}' and quoting on that line.");
        var c = 0;
        state.Rows++;
        while (true)
        {
            var end = rest.IndexOf(separator);
            var value = end < 0 ? rest : rest[..end];
            CheckValue(file, header, value, lineNumber, c++, numeric, labelIndex, collectLabels, state);
            if (end < 0)
                break;
            rest = rest[(end + 1)..];
        }
    }

    private static void CheckValue(Core.Training.DataFile file, List<string> header, ReadOnlySpan<char> value, int line, int c, bool[] numeric, int labelIndex, bool collectLabels, State state)
    {
        if (Values.IsMissing(value))
        {
            state.Missing[c]++;
            if (c == labelIndex)
                state.MissingLabels++;
            return;
        }

        if (numeric[c] && !Values.IsNumber(value))
            throw new InvalidInputException($"{file.DisplayName} line {line} (row {state.Rows}), column '{header[c]}': '{value}' is not a number, but the column is numeric (inferred from the first {state.SampledRows} rows, where at least {100 - StrayPercent}% of its values are numbers). Fix the value, or declare the column under 'categorical' or 'text' in mlops.yml.");
        if (c == labelIndex && collectLabels)
        {
            var key = value.Trim().ToString();
            state.Labels[key] = state.Labels.GetValueOrDefault(key) + 1;
            if (state.Labels.Count > MaxClasses)
                throw new InvalidInputException($"{file.DisplayName}: label column '{header[c]}' has more than {MaxClasses} distinct values; is it really a class? Use task: regression for numbers.");
        }
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    private sealed class State(int columns)
    {
        public int Rows { get; set; }

        public int[] Missing { get; } = new int[columns];

        public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

        public int MissingLabels { get; set; }

        public int SampledRows { get; set; }
    }
}
