using Microsoft.ML;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.MLNet.Data;
using MlopsCi.MLNet.Modeling;

namespace MlopsCi.MLNet;

public sealed partial class MlNetTrainer
{
    /// <inheritdoc />
    public async Task<Predictions> ScoreAsync(ScoringInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ml = new MLContext(input.Spec.Seed);
        var (model, bundle) = ModelFile.Load(ml, input.ModelFile);
        var work = Path.Combine(input.WorkDirectory, "scoring-" + Guid.NewGuid().ToString("N")[..8]);
        var (spec, prepared, labels) = await PrepareRowsAsync(input.Spec, bundle, input.Train, input.Test, input.HoldoutOnly, work, cancellationToken);
        var view = LoaderFactory.Create(ml, labels, bundle).Load(labels.LocalPath);
        var predictions = Scorer.Score(ml, model, bundle, view, labels, Scorer.EvaluationClasses(bundle, labels, input.Classes));
        if (predictions.Count == 0)
            throw new InvalidInputException($"{labels.DisplayName}: there are no rows to score.");
        if (input.Importance)
            predictions = predictions with { Importance = PermutationImportance.Compute(ml, model, bundle, view, labels, predictions.Classes, input.Spec.Seed, work) };
        predictions = SliceReader.Attach(predictions with { Threshold = ThresholdReader.Read(model) }, SliceReader.Read(input.Spec, labels));
        var hashes = labels == prepared.Test ? prepared.TestHashes : null;
        return WithRows(predictions, hashes ?? RowHasher.For(spec, labels).HashFile(labels), labels);
    }

    /// <inheritdoc />
    public async Task<long> PredictAsync(PredictionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ml = new MLContext(input.Spec.Seed);
        var (model, bundle) = ModelFile.Load(ml, input.ModelFile);
        var textColumns = bundle.Columns.Where(c => c.Kind != ColumnKind.Numeric).Select(c => c.Name);
        var spec = input.Spec with { Label = bundle.Label, Task = bundle.Task, Categorical = [.. input.Spec.Categorical.Union(textColumns)] };
        var work = Path.Combine(input.WorkDirectory, "predict-" + Guid.NewGuid().ToString("N")[..8]);
        var rows = await DataPreparer.InspectAsync(spec, input.Input, work, "input", null, cancellationToken);
        var view = PredictionWriter.Loader(ml, rows, bundle).Load(rows.LocalPath);
        var scored = OnnxExporter.NamedModel(ml, model, bundle, view).Transform(view);
        var parquet = ParquetConverter.IsParquet(input.Output);
        var types = parquet ? await PredictionParquetWriter.InputTypesAsync(input.Input.LocalPath, cancellationToken) : new Dictionary<string, Type>();
        // Written beside the destination and moved into place when complete: a failed run leaves no half-written file.
        var partial = input.Output + ".partial";
        try
        {
            var count = await PredictionWriter.WriteAsync(scored, rows, bundle, partial, parquet, types, cancellationToken);
            File.Move(partial, input.Output, overwrite: true);
            return count;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new OperationFailedException($"Predicting on {input.Input.DisplayName} failed: {e.Message}", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// The rows a model is scored on: with <paramref name="holdoutOnly"/> the spec's evaluation rows (the test file, or
    /// the rows the seeded split holds out: the same ones training evaluated on), else every row of the train file.
    /// </summary>
    private static async Task<(ModelSpec Spec, PreparedData Prepared, FileProfile Rows)> PrepareRowsAsync(ModelSpec runSpec, ModelBundle bundle, DataFile train, DataFile? test, bool holdoutOnly, string work, CancellationToken cancellationToken)
    {
        // Columns the model reads as text are never checked as numbers; names are checked by the loader, not the spec.
        var textColumns = bundle.Columns.Where(c => c.Kind != ColumnKind.Numeric).Select(c => c.Name);
        var spec = runSpec with
        {
            Label = bundle.Label,
            Task = bundle.Task,
            Categorical = [.. runSpec.Categorical.Union(textColumns)],
            TimeColumn = holdoutOnly ? runSpec.TimeColumn : null,
        };
        var prepared = await DataPreparer.PrepareAsync(spec, train, holdoutOnly ? test : null, holdoutOnly, false, work, cancellationToken);
        return (spec, prepared, holdoutOnly ? prepared.Test ?? prepared.Train : prepared.Train);
    }
}
