using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The trainers each task offers, built from their ML.NET options with <c>model.params</c> applied by name. Seeds come
/// from the spec; linear trainers run single-threaded (their multi-threaded results vary from run to run).
/// </summary>
internal static class TrainerCatalog
{
    private delegate IEstimator<ITransformer> Factory(MLContext ml, ModelSpec spec, SortedDictionary<string, string> applied);

    private static readonly Dictionary<ModelTask, Dictionary<string, Factory>> Trainers = new()
    {
        [ModelTask.Binary] = new()
        {
            ["sdca"] = (ml, s, a) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(Bind(new SdcaLogisticRegressionBinaryTrainer.Options(), s, a, true)),
            ["lbfgs"] = (ml, s, a) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(Bind(new LbfgsLogisticRegressionBinaryTrainer.Options(), s, a, true)),
            ["averagedperceptron"] = (ml, s, a) => ml.BinaryClassification.Trainers.AveragedPerceptron(Bind(new AveragedPerceptronTrainer.Options(), s, a, true)),
            ["fasttree"] = (ml, s, a) => ml.BinaryClassification.Trainers.FastTree(Bind(new FastTreeBinaryTrainer.Options(), s, a, false)),
            ["fastforest"] = (ml, s, a) => ml.BinaryClassification.Trainers.FastForest(Bind(new FastForestBinaryTrainer.Options(), s, a, false)),
            ["gam"] = (ml, s, a) => ml.BinaryClassification.Trainers.Gam(Bind(new GamBinaryTrainer.Options(), s, a, false)),
            ["lightgbm"] = (ml, s, a) => ml.BinaryClassification.Trainers.LightGbm(Bind(new LightGbmBinaryTrainer.Options(), s, a, false)),
        },
        [ModelTask.Multiclass] = new()
        {
            ["sdca"] = (ml, s, a) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(Bind(new SdcaMaximumEntropyMulticlassTrainer.Options(), s, a, true)),
            ["lbfgs"] = (ml, s, a) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(Bind(new LbfgsMaximumEntropyMulticlassTrainer.Options(), s, a, true)),
            ["lightgbm"] = (ml, s, a) => ml.MulticlassClassification.Trainers.LightGbm(Bind(new LightGbmMulticlassTrainer.Options(), s, a, false)),
            ["fasttree"] = (ml, s, a) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(Bind(new FastTreeBinaryTrainer.Options(), s, a, false))),
        },
        [ModelTask.Regression] = new()
        {
            ["sdca"] = (ml, s, a) => ml.Regression.Trainers.Sdca(Bind(new SdcaRegressionTrainer.Options(), s, a, true)),
            ["fasttree"] = (ml, s, a) => ml.Regression.Trainers.FastTree(Bind(new FastTreeRegressionTrainer.Options(), s, a, false)),
            ["fastforest"] = (ml, s, a) => ml.Regression.Trainers.FastForest(Bind(new FastForestRegressionTrainer.Options(), s, a, false)),
            ["gam"] = (ml, s, a) => ml.Regression.Trainers.Gam(Bind(new GamRegressionTrainer.Options(), s, a, false)),
            ["lightgbm"] = (ml, s, a) => ml.Regression.Trainers.LightGbm(Bind(new LightGbmRegressionTrainer.Options(), s, a, false)),
        },
    };

    /// <summary>Trainer names valid for a task.</summary>
    public static IReadOnlyList<string> Names(ModelTask task) => [.. Trainers[task].Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether the trainer is linear (needs normalised, complete features, and a cache for its many passes).</summary>
    public static bool IsLinear(string trainer) => trainer is "sdca" or "lbfgs" or "averagedperceptron";

    /// <summary>Checks the trainer name before any data is read.</summary>
    public static void Check(ModelSpec spec)
    {
        if (!Trainers[spec.Task].ContainsKey(spec.Trainer))
        {
            var others = Trainers.Where(t => t.Key != spec.Task && t.Value.ContainsKey(spec.Trainer)).Select(t => t.Key.ToString().ToLowerInvariant()).ToList();
            var note = others.Count > 0 ? $" ('{spec.Trainer}' exists for {string.Join(" and ", others)} models only)" : "";
            throw new InvalidInputException($"{spec.At("trainer")}: unknown trainer '{spec.Trainer}' for a {spec.Task.ToString().ToLowerInvariant()} model{note}. Valid trainers: {string.Join(", ", Names(spec.Task))}.");
        }
    }

    /// <summary>Builds the trainer; returns it with the defaults it set beyond the spec's params.</summary>
    public static (IEstimator<ITransformer> Trainer, IReadOnlyDictionary<string, string> Applied) Create(MLContext ml, ModelSpec spec)
    {
        Check(spec);
        var applied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        return (Trainers[spec.Task][spec.Trainer](ml, spec, applied), applied);
    }

    private static T Bind<T>(T options, ModelSpec spec, SortedDictionary<string, string> applied, bool singleThreaded)
        where T : class
    {
        // Only defaults the spec did not set are reported: the spec's own params are recorded as written.
        OptionBinder.Default(options, spec, "Seed", spec.Seed, new Dictionary<string, string>());
        if (singleThreaded)
            OptionBinder.Default(options, spec, "NumberOfThreads", 1, applied);
        OptionBinder.Apply(options, spec);
        return options;
    }
}
