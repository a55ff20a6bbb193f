using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// The holdout split by row hash, done once on the file in one streaming pass: a labelled row goes to the evaluation
/// file when its hash (of the whole row, or of <c>model.key</c>'s columns) mixed with the seed falls below
/// <see cref="ModelDataSpec.HoldoutFraction"/>, else to the training file; both keep the original order. A row's side
/// depends only on its content and the seed, so appending, deleting, editing or reordering other rows never moves it:
/// a row held out from one version of a file is held out from every version, and no model trained on an older version
/// was trained on it. The held-out count is the fraction on average, not exactly. The content hash of every row is kept
/// for the run's training-row fingerprints and the overlap check of later comparisons.
/// </summary>
internal static class RandomSplitter
{
    public static PreparedData Split(ModelSpec spec, FileProfile file, string work)
    {
        var label = file.IndexOf(spec.Label);
        var hasher = RowHasher.For(spec, file);
        var fraction = spec.Data.HoldoutFraction;
        var collect = file.LabelValues is not null;
        var extension = file.Format.Separator == '\t' ? ".tsv" : ".csv";
        var trainHashes = new List<ulong>(file.Rows);
        var testHashes = new List<ulong>((int)(file.Rows * fraction * 1.1) + 16);
        var unlabelledHeld = 0;
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
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                    continue;
                ReadOnlySpan<char> value = default;
                ulong content = 0, key = 0;
                var c = 0;
                foreach (var field in Fields(line, file.Format, fields))
                {
                    if (c == label)
                        value = field;
                    hasher.Add(c++, field, ref content, ref key);
                }

                var held = RowHasher.IsHeldOut(RowHasher.Finish(key), spec.Seed, fraction);
                if (Values.IsMissing(value))
                {
                    // Counted on its side, so the evaluation can say how many of its rows had no label.
                    unlabelledHeld += held ? 1 : 0;
                    continue;
                }

                var part = held ? test : train;
                (held ? testHashes : trainHashes).Add(RowHasher.Finish(content));
                part.Rows++;
                if (collect)
                {
                    var labelKey = value.Trim().ToString();
                    part.Labels[labelKey] = part.Labels.GetValueOrDefault(labelKey) + 1;
                }

                part.Writer.WriteLine(line);
                if (!countMissing)
                    continue;
                c = 0;
                foreach (var field in Fields(line, file.Format, fields))
                {
                    if (file.Missing[c] > 0 && Values.IsMissing(field))
                        part.Missing[c]++;
                    c++;
                }
            }
        }

        return new PreparedData(train.Profile(file), test.Profile(file) with { DroppedUnlabelled = unlabelledHeld }, file)
        {
            TrainHashes = [.. trainHashes],
            TestHashes = [.. testHashes],
        };
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
