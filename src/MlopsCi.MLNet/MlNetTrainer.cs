using System.Reflection;
using Microsoft.ML;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.MLNet.Data;
using MlopsCi.MLNet.Modeling;

namespace MlopsCi.MLNet;

/// <summary>
/// The ML.NET adapter of <see cref="Core.Training.ITrainer"/>: CSV/TSV with a header and Parquet in, a deterministic model zip out.
/// A fresh <see cref="MLContext"/> seeded from the spec per run, so the same data, spec and seed give the same bytes.
/// </summary>
public sealed partial class MlNetTrainer : Core.Training.ITrainer
{
    /// <summary>The fewest rows a model is trained on.</summary>
    private const int TooFewRows = 10;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Packages { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Microsoft.ML"] = VersionOf(typeof(MLContext)),
        ["Microsoft.ML.FastTree"] = VersionOf(typeof(Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer)),
        ["Microsoft.ML.LightGbm"] = VersionOf(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer)),
    };

    /// <inheritdoc />
    public async Task<TrainingOutput> TrainAsync(TrainingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        TrainerCatalog.Check(spec);
        var prepared = await DataPreparer.PrepareAsync(spec, input.Train, input.Test, true, true, Path.Combine(input.WorkDirectory, "prepared"), cancellationToken);
        var classes = LabelChecker.Classes(spec, prepared.Whole ?? prepared.Train);
        var bundle = new ModelBundle(1, spec.Task, spec.Label, classes, ColumnPlanner.Plan(spec, prepared.Train), spec.Trainer);
        var ml = new MLContext(spec.Seed);
        CheckTrainingRows(spec, prepared);
        var (train, test) = Load(ml, bundle, prepared);
        var labels = prepared.Test!;
        var (trainer, applied) = TrainerCatalog.Create(ml, spec);
        ITransformer model;
        try
        {
            var labelled = LabelPreparer.Fit(ml, train, bundle, prepared.Train, classes).Transform(train);
            model = PipelineFactory.Create(ml, bundle, trainer).Fit(labelled);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new OperationFailedException($"Training '{spec.Name}' with {spec.Trainer} on {input.Train.DisplayName} failed: {e.Message}", e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var modelFile = Path.Combine(input.WorkDirectory, "model.zip");
        ModelFile.Save(ml, model, train.Schema, bundle, modelFile);
        var evaluationClasses = Scorer.EvaluationClasses(bundle, labels, null);
        var predictions = Scorer.Score(ml, model, bundle, test, labels, evaluationClasses);
        if (predictions.Count == 0)
            throw new InvalidInputException($"{labels.DisplayName}: there are no labelled rows to evaluate on. Add rows, or set model.data.test to a file with labelled rows.");
        var importance = PermutationImportance.Compute(ml, model, bundle, test, labels, evaluationClasses, spec.Seed, input.WorkDirectory);
        var hasher = RowHasher.For(spec, prepared.Train);
        var trainHashes = prepared.TrainHashesFile is { } spilled ? HashSpill.Read(spilled) : hasher.HashFile(prepared.Train);
        predictions = SliceReader.Attach(predictions with { Threshold = ThresholdReader.Read(model) }, SliceReader.Read(spec, labels));
        return new TrainingOutput(modelFile, WithRows(predictions, prepared.TestHashes ?? hasher.HashFile(labels), labels), importance, bundle.ToSchema(), prepared.Train.Rows, applied)
        {
            TrainingRows = RowFingerprints.Of(trainHashes),
            Unlabelled = (prepared.Whole ?? prepared.Train).LabelGaps is { Rows: > 0 } gaps ? gaps : null,
        };
    }

    /// <summary>The train and evaluation views: two files (given, or split off the train file by the preparer).</summary>
    private static (IDataView Train, IDataView Test) Load(MLContext ml, ModelBundle bundle, PreparedData prepared)
    {
        var test = prepared.Test ?? throw new InvalidOperationException("Training needs evaluation rows: a test file or a split.");
        return (LoaderFactory.Create(ml, prepared.Train, bundle).Load(prepared.Train.LocalPath), LoaderFactory.Create(ml, test, bundle).Load(test.LocalPath));
    }

    /// <summary>
    /// Refuses to train on fewer than <see cref="TooFewRows"/> rows (a model of one row trains "fine" and means nothing):
    /// the labelled rows of the train file and, after a split, the rows it left for training; and a split that left no
    /// rows to evaluate on.
    /// </summary>
    private static void CheckTrainingRows(ModelSpec spec, PreparedData prepared)
    {
        var file = prepared.Whole ?? prepared.Train;
        var labelled = file.Rows - file.MissingLabels;
        if (labelled < TooFewRows)
            throw new InvalidInputException($"{file.DisplayName} has only {labelled} labelled row(s); training and evaluating a model needs at least {TooFewRows}. Add rows.");
        if (prepared.Whole is null)
            return;
        var split = spec.Data.HoldoutFraction.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (prepared.Train.Rows < TooFewRows)
            throw new InvalidInputException($"{spec.At("data")}: only {prepared.Train.Rows} of the {labelled} rows of {file.DisplayName} are left to train on after holding out {split} of them for evaluation; a model needs at least {TooFewRows}. Lower 'split', add rows, or set 'test' to a separate evaluation file.");
        if (prepared.Test is { Rows: 0 })
            throw new InvalidInputException($"{file.DisplayName}: no evaluation rows are left (split {split} of {labelled} rows). Raise 'split', add rows, or set model.data.test.");
    }

    /// <summary>Predictions with each row's content hash (when the counts agree) and the rows left out for lack of a label.</summary>
    private static Core.Training.Evaluation.Predictions WithRows(Core.Training.Evaluation.Predictions predictions, ulong[] hashes, FileProfile labels) =>
        predictions with { RowHashes = hashes.Length == predictions.Count ? hashes : null, UnlabelledRows = labels.DroppedUnlabelled };

    private static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";
}
