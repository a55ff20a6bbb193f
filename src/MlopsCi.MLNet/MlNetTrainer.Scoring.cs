using Microsoft.ML;
using MlopsCi.Core.Errors;
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
        // Columns the model reads as text are never checked as numbers; names are checked by the loader, not the spec.
        var textColumns = bundle.Columns.Where(c => c.Kind != ColumnKind.Numeric).Select(c => c.Name);
        var spec = input.Spec with
        {
            Label = bundle.Label,
            Task = bundle.Task,
            Categorical = [.. input.Spec.Categorical.Union(textColumns)],
            TimeColumn = input.HoldoutOnly ? input.Spec.TimeColumn : null,
        };
        var work = Path.Combine(input.WorkDirectory, "scoring-" + Guid.NewGuid().ToString("N")[..8]);
        var prepared = await DataPreparer.PrepareAsync(spec, input.Train, input.HoldoutOnly ? input.Test : null, input.HoldoutOnly, false, work, cancellationToken);
        // Held-out rows: the test file, or the rows the seeded split holds out (the same ones training evaluated on).
        var labels = input.HoldoutOnly ? prepared.Test ?? prepared.Train : prepared.Train;
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
    public Task ExportOnnxAsync(string modelFile, string destination, CancellationToken cancellationToken)
    {
        var ml = new MLContext(1);
        var (model, bundle) = ModelFile.Load(ml, modelFile);
        var schemaFile = destination + ".schema.tsv";
        try
        {
            var header = bundle.Columns.Select(c => c.Name).Append(bundle.Label).ToList();
            File.WriteAllText(schemaFile, string.Join('\t', header) + "\n");
            var numeric = bundle.Columns.Select(c => c.Kind == ColumnKind.Numeric).Append(bundle.Task == Core.Specs.ModelTask.Regression).ToList();
            var profile = new FileProfile(schemaFile, modelFile, TextFormat.Tsv, header, 0, numeric, new int[header.Count], null, 0);
            var empty = LoaderFactory.Create(ml, profile, bundle).Load(schemaFile);
            using var output = File.Create(destination);
            ml.Model.ConvertToOnnx(model, empty, output);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            File.Delete(destination);
            throw new OperationFailedException($"This model ({bundle.Trainer}) cannot be exported to ONNX: {e.Message}", e);
        }
        finally
        {
            File.Delete(schemaFile);
        }

        return Task.CompletedTask;
    }
}
