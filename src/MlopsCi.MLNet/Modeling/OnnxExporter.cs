using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The model as a user calls it: inputs under the data's own column names (copied to the pipeline's internal names
/// first), no label, a multiclass prediction as the class name; and its ONNX conversion with only the prediction outputs.
/// </summary>
internal static class OnnxExporter
{
    /// <summary>The columns a model's prediction consists of (those the task has).</summary>
    public static readonly IReadOnlyList<string> PredictionColumns = ["PredictedLabel", "Score", "Probability"];

    /// <summary>Wraps the saved model so it reads <paramref name="named"/> (see <see cref="LoaderFactory.CreateNamed"/>).</summary>
    public static ITransformer NamedModel(MLContext ml, ITransformer model, ModelBundle bundle, IDataView named)
    {
        // Through unique names first, so a data column that happens to be called like an internal one (c0 …) is not read twice.
        IEstimator<ITransformer> copies = new EstimatorChain<ITransformer>();
        for (var i = 0; i < bundle.Columns.Count; i++)
            copies = copies.Append(ml.Transforms.CopyColumns($"__input{i}", bundle.Columns[i].Name));
        for (var i = 0; i < bundle.Columns.Count; i++)
            copies = copies.Append(ml.Transforms.CopyColumns(bundle.Columns[i].Internal, $"__input{i}"));
        var rename = copies.Fit(named);
        ITransformer chain = rename.Append(model);
        if (bundle.Task == ModelTask.Multiclass)
            chain = chain.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(chain.Transform(named)));
        return chain;
    }

    /// <summary>Writes the ONNX graph of <paramref name="scoring"/> (a <see cref="NamedModel"/>) to <paramref name="path"/>.</summary>
    public static void Write(MLContext ml, ITransformer scoring, IDataView named, string path)
    {
        var schema = scoring.GetOutputSchema(named.Schema);
        var outputs = PredictionColumns.Where(c => schema.GetColumnOrNull(c) is not null).ToArray();
        using var stream = File.Create(path);
        ml.Model.ConvertToOnnx(scoring, named, stream, outputs);
    }
}
