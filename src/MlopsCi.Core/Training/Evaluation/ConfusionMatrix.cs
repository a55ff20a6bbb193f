namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Counts of evaluation rows by true class (row) and predicted class (column), in the order of <see cref="Classes"/>;
/// <see cref="Rates"/> divides each row by its total (the share of a true class predicted as each class).
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>Rows counted (rows whose prediction is not one of the classes are not).</summary>
    public int Total => Counts.Sum(row => row.Sum());

    /// <summary>Each row of counts divided by its total (0 for a class without rows).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rates =>
        [.. Counts.Select(row => (IReadOnlyList<double>)[.. row.Select(n => row.Sum() is var sum and > 0 ? (double)n / sum : 0)])];

    /// <summary>The count of rows of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => Counts[actual][predicted];

    /// <summary>The matrix of classification predictions (binary: negative class first).</summary>
    public static ConfusionMatrix Of(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var classes = predictions.Classes.Count;
        var counts = new int[classes][];
        for (var c = 0; c < classes; c++)
            counts[c] = new int[classes];
        for (var i = 0; i < predictions.Count; i++)
        {
            var (actual, predicted) = ((int)predictions.Labels[i], (int)predictions.Predicted[i]);
            if (actual >= 0 && actual < classes && predicted >= 0 && predicted < classes)
                counts[actual][predicted]++;
        }

        return new ConfusionMatrix(predictions.Classes, [.. counts.Select(row => (IReadOnlyList<int>)row)]);
    }

    /// <summary>Precision, recall and F1 of each class (one class against the rest), in class order.</summary>
    public IReadOnlyList<ClassMetrics> PerClass()
    {
        var result = new List<ClassMetrics>(Classes.Count);
        for (var c = 0; c < Classes.Count; c++)
        {
            var right = Counts[c][c];
            var support = Counts[c].Sum();
            var predictedAs = Counts.Sum(row => row[c]);
            var precision = predictedAs > 0 ? (double)right / predictedAs : 0;
            var recall = support > 0 ? (double)right / support : 0;
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            result.Add(new ClassMetrics(Classes[c], support, predictedAs, precision, recall, f1));
        }

        return result;
    }
}
