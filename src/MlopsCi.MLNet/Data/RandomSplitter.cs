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
        // Flushed when the split returns, read back after training.
        using var trainHashes = new HashSpill(Path.Combine(work, "split-train.hashes"));
        var testHashes = new List<ulong>((int)(file.Rows * fraction * 1.1) + 16);
        var unlabelledHeld = 0;
        using var train = new Part(Path.Combine(work, "split-train" + extension), file, collect);
        using var test = new Part(Path.Combine(work, "split-test" + extension), file, collect);
        // Per-part missing counts only for columns that miss values at all (most miss none).
        var countMissing = file.Missing.Any(m => m > 0);
        file.ReadRows(row =>
        {
            ulong content = 0, key = 0;
            for (var c = 0; c < row.FieldCount; c++)
                hasher.Add(c, row[c], ref content, ref key);
            var value = row[label];
            var held = RowHasher.IsHeldOut(RowHasher.Finish(key), spec.Seed, fraction);
            if (file.Format.Missing.IsMissing(value))
            {
                // Counted on its side, so the evaluation can say how many of its rows had no label.
                unlabelledHeld += held ? 1 : 0;
                return;
            }

            var part = held ? test : train;
            if (held)
                testHashes.Add(RowHasher.Finish(content));
            else
                trainHashes.Add(RowHasher.Finish(content));
            part.Rows++;
            if (collect)
            {
                var labelKey = value.Trim().ToString();
                part.Labels[labelKey] = part.Labels.GetValueOrDefault(labelKey) + 1;
            }

            RowText.WriteLine(part.Writer, row, file.Format.Separator);
            for (var c = 0; countMissing && c < row.FieldCount; c++)
            {
                if (file.Missing[c] > 0 && file.Format.Missing.IsMissing(row[c]))
                    part.Missing[c]++;
            }
        });

        return new PreparedData(train.Profile(), test.Profile() with { DroppedUnlabelled = unlabelledHeld }, file)
        {
            TrainHashesFile = trainHashes.Path,
            TestHashes = [.. testHashes],
        };
    }

    /// <summary>One side of the split: a copy with a header line, its rows, missing values and label counts.</summary>
    private sealed class Part : IDisposable
    {
        private readonly string _path;
        private readonly FileProfile _source;
        private readonly bool _collect;

        public Part(string path, FileProfile source, bool collect)
        {
            (_path, _source, _collect) = (path, source, collect);
            Writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
            Missing = new int[source.Header.Count];
            RowText.WriteLine(Writer, source.Header, source.Format.Separator);
        }

        public StreamWriter Writer { get; }

        public int Rows { get; set; }

        public int[] Missing { get; }

        public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

        public FileProfile Profile()
        {
            Writer.Flush();
            return new FileProfile(_path, _source.DisplayName, _source.Format.Plain, _source.Header, Rows, _source.Numeric, Missing, _collect ? Labels : null, 0);
        }

        public void Dispose() => Writer.Dispose();
    }
}
