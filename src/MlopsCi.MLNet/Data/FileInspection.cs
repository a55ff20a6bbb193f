using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.MLNet.Data;

/// <summary>The state of one <see cref="FileInspector"/> pass, fed by the reader: the header, then every row.</summary>
internal sealed class FileInspection(Core.Training.DataFile file, TextFormat format, string? label, bool collectLabels, IReadOnlySet<string> notNumeric) : TableVisitor
{
    private const int MaxClasses = 1000;
    private readonly List<(long Line, string[] Fields)> _sample = new(FileInspector.SampleRows);
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _missingLabelValues = new(StringComparer.Ordinal);
    private List<string> _header = [];
    private bool[] _numeric = [];
    private int[] _missing = [];
    private int _labelIndex = -1;
    private int _rows;
    private int _missingLabels;
    private bool _typed;

    public override void Header(IReadOnlyList<string> columns)
    {
        _header = [.. columns.Select(h => h.Trim())];
        if (_header.All(h => h.Length == 0))
            throw new InvalidInputException($"{file.DisplayName} is empty: it needs a header line and at least one row.");
        if (format.HeaderLine && LooksLikeData(_header))
        {
            var names = string.Join(", ", Enumerable.Range(1, Math.Min(_header.Count, 4)).Select(i => "c" + i)) + (_header.Count > 4 ? ", …" : "");
            throw new InvalidInputException($"{file.DisplayName} line 1: the first line looks like data, not a header (every value is a number: {string.Join(", ", _header.Take(8))}{(_header.Count > 8 ? ", …" : "")}). Give the file a header line, or name its {_header.Count} columns in mlops.yml: model.data.csv: {{ header: false, columns: [{names}] }}.");
        }

        if (_header.Distinct(StringComparer.Ordinal).Count() != _header.Count)
            throw new InvalidInputException($"{file.DisplayName} line 1: the header names a column twice ({string.Join(", ", _header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key))}); column names must be unique.");
        _labelIndex = label is null ? -1 : _header.IndexOf(label);
        _numeric = [.. Enumerable.Repeat(true, _header.Count)];
        _missing = new int[_header.Count];
    }

    public override void Row(TableRow row)
    {
        if (row.FieldCount != _header.Count)
            throw new InvalidInputException($"{file.DisplayName} line {row.Line}: {row.FieldCount} values, but the header has {_header.Count} columns. Check the separator '{Printable(format.Separator)}' and quoting on that line.");
        if (_typed)
        {
            Check(row.Line, row);
            return;
        }

        _sample.Add((row.Line, [.. row.ToList()]));
        if (_sample.Count == FileInspector.SampleRows)
            Type();
    }

    /// <summary>The profile, once every row was read.</summary>
    public FileProfile Finish()
    {
        if (!_typed)
            Type();
        if (_rows == 0)
            throw new InvalidInputException(format.HeaderLine ? $"{file.DisplayName} has a header but no data rows; there is nothing to train or evaluate on." : $"{file.DisplayName} has no data rows; there is nothing to train or evaluate on.");
        return new FileProfile(file.LocalPath, file.DisplayName, format, _header, _rows, _numeric, _missing, collectLabels ? _labels : null, _missingLabels) { MissingLabelValues = _missingLabelValues };
    }

    /// <summary>Every value a number, and not the column numbers 0…n-1 or 1…n that some exports write as names.</summary>
    private static bool LooksLikeData(List<string> header)
    {
        if (!header.All(h => Values.IsNumber(h)))
            return false;
        var numbered = header.Select((h, i) => (h, i)).ToList();
        return !numbered.All(x => x.h == x.i.ToString(CultureInfo.InvariantCulture))
            && !numbered.All(x => x.h == (x.i + 1).ToString(CultureInfo.InvariantCulture));
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    /// <summary>Infers the numeric columns from the sample, then checks the sampled rows.</summary>
    private void Type()
    {
        for (var c = 0; c < _header.Count; c++)
        {
            var (present, numbers) = (0, 0);
            if (!notNumeric.Contains(_header[c]))
            {
                foreach (var (_, fields) in _sample)
                {
                    if (format.Missing.IsMissing(fields[c]))
                        continue;
                    present++;
                    if (Values.IsNumber(fields[c]))
                        numbers++;
                }
            }

            _numeric[c] = numbers > 0 && (present - numbers) * 100 <= present * FileInspector.StrayPercent;
        }

        _typed = true;
        var row = new TableRow();
        foreach (var (line, fields) in _sample)
        {
            row.Clear();
            foreach (var field in fields)
                row.Append(field);
            Check(line, row);
        }
    }

    private void Check(long line, TableRow row)
    {
        _rows++;
        for (var c = 0; c < row.FieldCount; c++)
            CheckValue(line, c, row[c]);
    }

    private void CheckValue(long line, int c, ReadOnlySpan<char> value)
    {
        if (format.Missing.IsMissing(value))
        {
            _missing[c]++;
            if (c == _labelIndex)
            {
                _missingLabels++;
                var marker = value.Trim().ToString();
                _missingLabelValues[marker] = _missingLabelValues.GetValueOrDefault(marker) + 1;
            }

            return;
        }

        // ML.NET's loader reads one row per line: a quoted value with a line break would be read as two rows.
        if (value.ContainsAny('\r', '\n'))
            throw new InvalidInputException($"{file.DisplayName} line {line} (row {_rows}), column '{_header[c]}': the value spans more than one line; training reads one row per line. Replace the line breaks inside the value (e.g. with spaces).");
        if (_numeric[c] && !Values.IsNumber(value))
            throw new InvalidInputException($"{file.DisplayName} line {line} (row {_rows}), column '{_header[c]}': '{value}' is not a number, but the column is numeric (inferred from the first {_sample.Count} rows, where at least {100 - FileInspector.StrayPercent}% of its values are numbers). Fix the value, or declare the column under 'categorical' or 'text' in mlops.yml.");
        if (c == _labelIndex && collectLabels)
        {
            var key = value.Trim().ToString();
            _labels[key] = _labels.GetValueOrDefault(key) + 1;
            if (_labels.Count > MaxClasses)
                throw new InvalidInputException($"{file.DisplayName}: label column '{_header[c]}' has more than {MaxClasses} distinct values; is it really a class? Use task: regression for numbers.");
        }
    }
}
