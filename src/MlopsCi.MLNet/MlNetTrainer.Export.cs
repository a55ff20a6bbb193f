using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training;
using MlopsCi.MLNet.Modeling;

namespace MlopsCi.MLNet;

public sealed partial class MlNetTrainer
{
    /// <inheritdoc />
    public async Task<OnnxCheck> ExportOnnxAsync(OnnxExportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ml = new MLContext(input.Spec.Seed);
        var (model, bundle) = ModelFile.Load(ml, input.ModelFile);
        var work = Path.Combine(input.WorkDirectory, "onnx-" + Guid.NewGuid().ToString("N")[..8]);
        var (_, _, rows) = await PrepareRowsAsync(input.Spec, bundle, input.Train, input.Test, true, work, cancellationToken);
        var named = LoaderFactory.CreateNamed(ml, rows, bundle).Load(rows.LocalPath);
        // Written beside the destination and moved into place only once checked: a refused export leaves nothing behind.
        var partial = input.Destination + ".partial";
        try
        {
            ITransformer scoring;
            try
            {
                scoring = OnnxExporter.NamedModel(ml, model, bundle, named);
                OnnxExporter.Write(ml, scoring, named, partial);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                throw new OperationFailedException($"This model ({bundle.Trainer}) cannot be exported to ONNX: {e.Message}", e);
            }

            cancellationToken.ThrowIfCancellationRequested();
            OnnxCheck check;
            try
            {
                check = OnnxVerifier.Verify(partial, scoring, bundle, named);
            }
            catch (OnnxRuntimeException e)
            {
                throw new OperationFailedException(Refusal(input, bundle, $"ONNX Runtime cannot run it ({Short(e.Message)})."), e);
            }

            if (check.Rows == 0)
                throw new OperationFailedException($"The ONNX export could not be checked: {rows.DisplayName} has no evaluation rows to score. Nothing was written to {input.Destination}.");
            if (!check.Passed)
            {
                var difference = check.MaxDifference.ToString("G4", CultureInfo.InvariantCulture);
                throw new OperationFailedException(Refusal(input, bundle, $"on {check.Differing:N0} of {check.Rows:N0} evaluation rows of {rows.DisplayName} ONNX Runtime's predictions differ from the model's by more than {check.Tolerance:G} (relative; largest difference {difference})."));
            }

            File.Move(partial, input.Destination, overwrite: true);
            return check;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>ONNX Runtime's failed check without its long C++ signature: "nodes_featureids[87]=-1 must be in …".</summary>
    private static string Short(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var failed = line.LastIndexOf(" was false. ", StringComparison.Ordinal);
        if (failed >= 0)
            line = line[(failed + " was false. ".Length)..];
        return (line.Length > 300 ? line[..300] + "…" : line).TrimEnd('.');
    }

    /// <summary>Why an export was refused and what to do: for LightGBM with categorical columns, train with one-hot splits.</summary>
    private static string Refusal(OnnxExportInput input, ModelBundle bundle, string why)
    {
        var what = $"The exported ONNX model does not reproduce the model: {why} Nothing was written to {input.Destination}.";
        var categorical = bundle.Columns.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name).ToList();
        var oneHot = input.Spec.Params.Any(p => p.Key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Equals("usecategoricalsplit", StringComparison.OrdinalIgnoreCase)
            && p.Value.Equals("false", StringComparison.OrdinalIgnoreCase));
        if (bundle.Trainer == "lightgbm" && categorical.Count > 0 && !oneHot)
            return what + $" LightGBM split the categorical column(s) {string.Join(", ", categorical)} by sets of categories (it does so on its own above 50,000 training rows), which the ML.NET ONNX converter cannot express. To export, train with one-hot splits: add 'useCategoricalSplit: false' to model.params in mlops.yml, train again and export the new run (or export the ML.NET zip, without --onnx).";
        return what + " Export the ML.NET model zip instead (without --onnx) and score it with ML.NET, or train with another trainer.";
    }
}
