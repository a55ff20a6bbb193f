using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Runs an exported ONNX graph with ONNX Runtime on rows and compares its Score (and Probability) with the ML.NET
/// model's, row by row. A difference counts when it exceeds <see cref="Tolerance"/> × max(1, |model value|): float
/// summation order differs between the two runtimes (about 1e-6 relative), a wrongly converted split does not.
/// </summary>
internal static class OnnxVerifier
{
    public const double Tolerance = 1e-3;
    private const int BatchRows = 1024;

    /// <summary>Compares; an <see cref="OnnxRuntimeException"/> means ONNX Runtime cannot load or run the graph.</summary>
    public static OnnxCheck Verify(string onnxFile, ITransformer scoring, ModelBundle bundle, IDataView named)
    {
        // ORT logs its own warnings (harmless shape merges in ML.NET graphs) and errors to stderr; the refusal says what failed.
        using var sessionOptions = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        using var session = new InferenceSession(onnxFile, sessionOptions);
        var inputNames = session.InputMetadata.Keys.ToList();
        var outputNames = session.OutputMetadata.Keys.ToList();
        var missing = bundle.Columns.Where(c => !session.InputMetadata.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new OperationFailedException($"The ONNX graph has no input named {string.Join(", ", missing.Select(m => $"'{m}'"))} (inputs: {string.Join(", ", inputNames)}); this is a bug of the export.");
        var scored = scoring.Transform(named);
        var compared = new[] { "Score", "Probability" }.Where(c => scored.Schema.GetColumnOrNull(c) is not null)
            .Select(c => (Column: c, Output: outputNames.FirstOrDefault(o => Plain(o) == c)
                ?? throw new OperationFailedException($"The ONNX graph has no output '{c}' (outputs: {string.Join(", ", outputNames)}); this is a bug of the export.")))
            .ToList();
        var batch = session.InputMetadata.Values.Any(m => m.Dimensions.Length > 0 && m.Dimensions[0] > 0) ? 1 : BatchRows;
        var comparison = new Comparison();
        using var options = new RunOptions();
        using var rows = new OnnxRows(bundle, named, scored, compared.Select(c => c.Column).ToList(), batch);
        while (rows.Fill())
        {
            using var inputs = new DisposableList<OrtValue>(rows.Inputs());
            using var results = session.Run(options, [.. bundle.Columns.Select(c => c.Name)], inputs.Items, [.. compared.Select(c => c.Output)]);
            for (var o = 0; o < compared.Count; o++)
                comparison.Add(rows.Expected[o], results[o].GetTensorDataAsSpan<float>(), rows.Count);
            comparison.EndBatch(rows.Count);
        }

        return new OnnxCheck(comparison.Rows, comparison.Differing, comparison.MaxDifference, Tolerance, inputNames, [.. outputNames.Select(Plain).Where(OnnxExporter.PredictionColumns.Contains)]);
    }

    /// <summary>ML.NET names graph outputs "&lt;column&gt;.output".</summary>
    private static string Plain(string output) => output.EndsWith(".output", StringComparison.Ordinal) ? output[..^".output".Length] : output;

    /// <summary>Running totals: rows, rows with any difference over the tolerance, the largest difference.</summary>
    private sealed class Comparison
    {
        private bool[] _differs = new bool[BatchRows];

        public int Rows { get; private set; }

        public int Differing { get; private set; }

        public double MaxDifference { get; private set; }

        public void Add(float[] expected, ReadOnlySpan<float> actual, int rows)
        {
            if (_differs.Length < rows)
                _differs = new bool[rows];
            var width = rows == 0 ? 0 : expected.Length / rows;
            for (var i = 0; i < rows * width; i++)
            {
                var (e, a) = ((double)expected[i], i < actual.Length ? (double)actual[i] : double.NaN);
                var difference = double.IsNaN(e) && double.IsNaN(a) ? 0 : Math.Abs(e - a);
                if (double.IsNaN(difference))
                    difference = double.PositiveInfinity;
                MaxDifference = Math.Max(MaxDifference, difference);
                if (difference > Tolerance * Math.Max(1, Math.Abs(e)))
                    _differs[i / width] = true;
            }
        }

        public void EndBatch(int rows)
        {
            Rows += rows;
            Differing += _differs.AsSpan(0, rows).Count(true);
            Array.Clear(_differs);
        }
    }

    private sealed class DisposableList<T>(IEnumerable<T> items) : IDisposable
        where T : IDisposable
    {
        public IReadOnlyCollection<T> Items { get; } = [.. items];

        public void Dispose()
        {
            foreach (var item in Items)
                item.Dispose();
        }
    }
}
