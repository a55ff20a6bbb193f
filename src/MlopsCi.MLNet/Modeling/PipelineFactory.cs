using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The featurisation: numeric columns as they are (missing values replaced by the mean where needed), categorical
/// one-hot (keys ordered by value, so row order does not matter), text featurised, all concatenated into "Features";
/// linear trainers also get min-max normalisation and a cache.
/// </summary>
internal static class PipelineFactory
{
    public const string Features = "Features";

    public static IEstimator<ITransformer> Create(MLContext ml, ModelBundle bundle, IEstimator<ITransformer> trainer)
    {
        var linear = TrainerCatalog.IsLinear(bundle.Trainer);
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var inputs = new List<string>();
        foreach (var column in bundle.Columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Numeric:
                    if (column.HasMissing || linear)
                        chain = chain.Append(ml.Transforms.ReplaceMissingValues(column.Internal, column.Internal, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    inputs.Add(column.Internal);
                    break;
                case ColumnKind.Categorical:
                    chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(column.Internal + "_onehot", column.Internal, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
                    inputs.Add(column.Internal + "_onehot");
                    break;
                default:
                    chain = chain.Append(ml.Transforms.Text.FeaturizeText(column.Internal + "_text", column.Internal));
                    inputs.Add(column.Internal + "_text");
                    break;
            }
        }

        chain = chain.Append(ml.Transforms.Concatenate(Features, [.. inputs]));
        if (linear)
            chain = chain.Append(ml.Transforms.NormalizeMinMax(Features)).AppendCacheCheckpoint(ml);
        return chain.Append(trainer);
    }
}
