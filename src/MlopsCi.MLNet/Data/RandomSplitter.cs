using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// The seeded holdout split, done once on the file: of the rows that have a label, exactly
/// round(<see cref="ModelDataSpec.HoldoutFraction"/> × rows) chosen by the seed go to an evaluation file and the rest to a
/// training file, both in their original order. Training then parses only its rows and scoring only the held-out ones,
/// instead of every row of the file twice behind a filter. The same labelled rows, fraction and seed always give the same
/// split, so a model scored later (evaluate, the pull-request comparison) sees the rows it was evaluated on.
/// </summary>
internal static class RandomSplitter
{
    public static PreparedData Split(ModelSpec spec, FileProfile file, string work)
    {
        var label = file.IndexOf(spec.Label);
        var labelled = file.Rows - file.MissingLabels;
        var held = (int)Math.Round(labelled * spec.Data.HoldoutFraction, MidpointRounding.AwayFromZero);
        var isHeld = Choose(labelled, held, spec.Seed);
        var collect = file.LabelValues is not null;
        var extension = file.Format.Separator == '\t' ? ".tsv" : ".csv";
        using var train = new Part(Path.Combine(work, "split-train" + extension), file.Header.Count, collect);
        using var test = new Part(Path.Combine(work, "split-test" + extension), file.Header.Count, collect);
        using (var reader = new StreamReader(file.LocalPath, System.Text.Encoding.UTF8, true, 1 << 16))
        {
            var header = reader.ReadLine()!.TrimStart('\uFEFF');
            train.Writer.WriteLine(header);
            test.Writer.WriteLine(header);
            var fields = new List<string>(file.Header.Count);
            // Per-part missing counts only for columns that miss values at all (most miss none).
            var countMissing = file.Missing.Any(m => m > 0);
            var row = 0;
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                    continue;
                var value = Field(line, file.Format, fields, label);
                if (Values.IsMissing(value))
                    continue;
                var part = isHeld[row++] ? test : train;
                part.Rows++;
                if (collect)
                {
                    var key = value.Trim().ToString();
                    part.Labels[key] = part.Labels.GetValueOrDefault(key) + 1;
                }

                part.Writer.WriteLine(line);
                if (!countMissing)
                    continue;
                var c = 0;
                foreach (var field in Fields(line, file.Format, fields))
                {
                    if (file.Missing[c] > 0 && Values.IsMissing(field))
                        part.Missing[c]++;
                    c++;
                }
            }
        }

        return new PreparedData(train.Profile(file), test.Profile(file), file);
    }

    /// <summary>Exactly <paramref name="held"/> of <paramref name="rows"/> rows, chosen by a seeded partial shuffle.</summary>
    private static bool[] Choose(int rows, int held, int seed)
    {
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
            order[i] = i;
        var random = new Random(seed);
        var chosen = new bool[rows];
        for (var i = 0; i < held; i++)
        {
            var j = random.Next(i, rows);
            (order[i], order[j]) = (order[j], order[i]);
            chosen[order[i]] = true;
        }

        return chosen;
    }

    /// <summary>Field <paramref name="index"/> of one line.</summary>
    private static ReadOnlySpan<char> Field(string line, TextFormat format, List<string> fields, int index)
    {
        var c = 0;
        foreach (var value in Fields(line, format, fields))
        {
            if (c++ == index)
                return value;
        }

        return default;
    }

    /// <summary>The fields of one line: spans of the line when it has no quotes, else the quote-aware split.</summary>
    private static FieldEnumerator Fields(string line, TextFormat format, List<string> fields)
    {
        if (format.Quoted && line.Contains('"', StringComparison.Ordinal))
        {
            format.Split(line, fields);
            return new FieldEnumerator(null, format.Separator, fields);
        }

        return new FieldEnumerator(line, format.Separator, null);
    }

    /// <summary>Enumerates fields without a string per field on unquoted lines.</summary>
    private ref struct FieldEnumerator(string? line, char separator, List<string>? split)
    {
        private int _next;
        private bool _done;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly FieldEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (split is not null)
            {
                if (_next >= split.Count)
                    return false;
                Current = split[_next++];
                return true;
            }

            if (_done)
                return false;
            var rest = line.AsSpan(_next);
            var end = rest.IndexOf(separator);
            if (end < 0)
            {
                Current = rest;
                _done = true;
                return true;
            }

            Current = rest[..end];
            _next += end + 1;
            return true;
        }
    }

    private sealed class Part(string path, int columns, bool collect) : IDisposable
    {
        public StreamWriter Writer { get; } = new(path, false, new System.Text.UTF8Encoding(false), 1 << 16);

        public int Rows { get; set; }

        public int[] Missing { get; } = new int[columns];

        public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

        public FileProfile Profile(FileProfile source)
        {
            Writer.Flush();
            return new FileProfile(path, source.DisplayName, source.Format, source.Header, Rows, source.Numeric, Missing, collect ? Labels : null, 0);
        }

        public void Dispose() => Writer.Dispose();
    }
}
