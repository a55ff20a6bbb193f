using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Permutation importance per original column (not per one-hot slot): on a sample of evaluation rows, each column's
/// values are shuffled (seeded) and the primary metric's loss is the column's importance.
/// </summary>
internal static class PermutationImportance
{
    private const int SampleRows = 2000;

    public static IReadOnlyList<FeatureImportance> Compute(MLContext ml, ITransformer model, ModelBundle bundle, IDataView raw, FileProfile labels, IReadOnlyList<string> classes, int seed, string work)
    {
        var sample = ReadSample(ml.Data.TakeRows(raw, SampleRows), bundle);
        if (sample[0].Length < 2)
            return [];
        var metric = MetricNames.Primary(bundle.Task);
        var sign = MetricNames.HigherIsBetter(metric) ? 1 : -1;
        var baseline = Metric(ml, model, bundle, sample, labels, classes, work, metric);
        if (baseline is null)
            return [];
        var result = new List<FeatureImportance>();
        for (var c = 0; c < bundle.Columns.Count; c++)
        {
            var shuffled = (string[][])sample.Clone();
            shuffled[c] = [.. sample[c]];
            new Random(seed + c).Shuffle(shuffled[c]);
            var permuted = Metric(ml, model, bundle, shuffled, labels, classes, work, metric);
            if (permuted is not null)
                result.Add(new FeatureImportance(bundle.Columns[c].Name, Math.Round(sign * (baseline.Value - permuted.Value), 6)));
        }

        return [.. result.OrderByDescending(r => r.Importance).ThenBy(r => r.Feature, StringComparer.Ordinal)];
    }

    private static double? Metric(MLContext ml, ITransformer model, ModelBundle bundle, string[][] columns, FileProfile labels, IReadOnlyList<string> classes, string work, string metric)
    {
        var path = Path.Combine(work, "pfi-sample.tsv");
        var header = bundle.Columns.Select(c => c.Name).Append(bundle.Label).ToList();
        using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)))
        {
            writer.WriteLine(string.Join('\t', header));
            for (var r = 0; r < columns[0].Length; r++)
                writer.WriteLine(string.Join('\t', columns.Select(c => c[r])));
        }

        var numeric = bundle.Columns.Select(c => c.Kind == ColumnKind.Numeric).Append(bundle.Task == Core.Specs.ModelTask.Regression).ToList();
        var profile = new FileProfile(path, labels.DisplayName, TextFormat.Tsv, header, columns[0].Length, numeric, new int[header.Count], labels.LabelValues, 0);
        var view = LoaderFactory.Create(ml, profile, bundle).Load(path);
        var metrics = MetricCalculator.Compute(Scorer.Score(ml, model, bundle, view, profile, classes));
        return metrics.TryGetValue(metric, out var value) ? value : null;
    }

    /// <summary>The model's input columns and the raw label of the first rows, as text (missing numbers empty).</summary>
    private static string[][] ReadSample(IDataView view, ModelBundle bundle)
    {
        var names = bundle.Columns.Select(c => c.Internal).Append(ModelBundle.RawLabel).ToList();
        var values = names.Select(_ => new List<string>()).ToArray();
        using var cursor = view.GetRowCursor(names.Select(n => view.Schema[n]));
        var getters = names.Select(n => Getter(cursor, view.Schema[n])).ToArray();
        while (cursor.MoveNext())
        {
            for (var i = 0; i < getters.Length; i++)
                values[i].Add(getters[i]());
        }

        return [.. values.Select(v => v.ToArray())];
    }

    private static Func<string> Getter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type == NumberDataViewType.Single)
        {
            var get = cursor.GetGetter<float>(column);
            return () =>
            {
                float value = 0;
                get(ref value);
                return float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
            };
        }

        var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        return () =>
        {
            ReadOnlyMemory<char> value = default;
            text(ref value);
            return value.ToString().Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        };
    }
}
