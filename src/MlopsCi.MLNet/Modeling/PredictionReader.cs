using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.MLNet.Modeling;

/// <summary>Reads a scored view in one pass into row-level <see cref="Predictions"/> over the evaluation class list.</summary>
internal static class PredictionReader
{
    public static Predictions Read(IDataView scored, ModelBundle bundle, IReadOnlyList<string> classes)
    {
        var labels = new List<double>();
        var predicted = new List<double>();
        var scores = new List<double>();
        var hasProbability = scored.Schema.GetColumnOrNull("Probability") is not null;
        var probabilities = new List<double>();
        var columns = scored.Schema.Where(c => c.Name is ModelBundle.LabelColumn or "Score" or "PredictedLabel" or "Probability").ToList();
        using var cursor = scored.GetRowCursor(columns);
        switch (bundle.Task)
        {
            case ModelTask.Regression:
                {
                    var label = cursor.GetGetter<float>(scored.Schema[ModelBundle.LabelColumn]);
                    var score = cursor.GetGetter<float>(scored.Schema["Score"]);
                    float l = 0, s = 0;
                    while (cursor.MoveNext())
                    {
                        label(ref l);
                        score(ref s);
                        labels.Add(l);
                        predicted.Add(s);
                    }

                    return new Predictions(ModelTask.Regression, [], [.. labels], [.. predicted], null, null);
                }

            case ModelTask.Binary:
                {
                    var label = cursor.GetGetter<bool>(scored.Schema[ModelBundle.LabelColumn]);
                    var score = cursor.GetGetter<float>(scored.Schema["Score"]);
                    var predictedLabel = cursor.GetGetter<bool>(scored.Schema["PredictedLabel"]);
                    var probability = hasProbability ? cursor.GetGetter<float>(scored.Schema["Probability"]) : null;
                    bool l = false, p = false;
                    float s = 0, q = 0;
                    while (cursor.MoveNext())
                    {
                        label(ref l);
                        score(ref s);
                        predictedLabel(ref p);
                        labels.Add(l ? 1 : 0);
                        predicted.Add(p ? 1 : 0);
                        scores.Add(s);
                        if (probability is not null)
                        {
                            probability(ref q);
                            probabilities.Add(q);
                        }
                    }

                    return new Predictions(ModelTask.Binary, bundle.Classes, [.. labels], [.. predicted], [.. scores], hasProbability ? [.. probabilities] : null);
                }

            default:
                return ReadMulticlass(cursor, scored.Schema, bundle, classes);
        }
    }

    private static Predictions ReadMulticlass(DataViewRowCursor cursor, DataViewSchema schema, ModelBundle bundle, IReadOnlyList<string> classes)
    {
        var label = cursor.GetGetter<uint>(schema[ModelBundle.LabelColumn]);
        var predictedLabel = cursor.GetGetter<uint>(schema["PredictedLabel"]);
        var score = cursor.GetGetter<VBuffer<float>>(schema["Score"]);
        var evalIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var modelIndexOfEval = classes.Select(c => bundle.Classes.ToList().IndexOf(c)).ToArray();
        var labels = new List<double>();
        var predicted = new List<double>();
        var probabilities = new List<double>();
        uint l = 0, p = 0;
        var s = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            label(ref l);
            predictedLabel(ref p);
            score(ref s);
            var trueIndex = (int)l - 1;
            labels.Add(trueIndex);
            predicted.Add(p == 0 ? -1 : evalIndex.GetValueOrDefault(bundle.Classes[(int)p - 1], -1));
            var modelIndex = trueIndex >= 0 ? modelIndexOfEval[trueIndex] : -1;
            probabilities.Add(modelIndex >= 0 ? s.GetItemOrDefault(modelIndex) : 0);
        }

        return new Predictions(ModelTask.Multiclass, classes, [.. labels], [.. predicted], null, [.. probabilities]);
    }
}
