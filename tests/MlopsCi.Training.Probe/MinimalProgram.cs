using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlopsCi.Training.Probe;

/// <summary>
/// The benchmark's baseline: what a person would hand-write with ML.NET to load a CSV, one-hot the categorical columns,
/// train LightGBM regression on an 80/20 seeded split and evaluate. No validation, no records, no artifacts.
/// </summary>
internal static class MinimalProgram
{
    public static void Run(string csv, string label, string[] categorical, string[] ignore)
    {
        var header = File.ReadLines(csv).First().Split(',');
        var ml = new MLContext(1);
        var columns = header.Select((name, i) => ignore.Contains(name) ? null
            : new TextLoader.Column(name, categorical.Contains(name) ? DataKind.String : DataKind.Single, i)).OfType<TextLoader.Column>().ToArray();
        var data = ml.Data.LoadFromTextFile(csv, columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
        var split = ml.Data.TrainTestSplit(data, 0.2, seed: 1);
        var features = header.Where(h => h != label && !ignore.Contains(h)).Select(h => categorical.Contains(h) ? h + "_onehot" : h).ToArray();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        foreach (var column in categorical)
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(column + "_onehot", column));
        var model = pipeline.Append(ml.Transforms.Concatenate("Features", features))
            .Append(ml.Regression.Trainers.LightGbm(labelColumnName: label, featureColumnName: "Features"))
            .Fit(split.TrainSet);
        var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: label);
        Console.WriteLine($"rmse {metrics.RootMeanSquaredError:0.####} r2 {metrics.RSquared:0.####}");
    }
}
