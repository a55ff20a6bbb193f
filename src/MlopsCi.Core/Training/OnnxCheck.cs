namespace MlopsCi.Core.Training;

/// <summary>
/// How an exported ONNX model scored the run's evaluation rows against the model itself: rows compared, rows whose
/// outputs differ by more than <see cref="Tolerance"/> (relative to max(1, |value|)), the largest such difference, and
/// the ONNX graph's input and output names.
/// </summary>
public sealed record OnnxCheck(int Rows, int Differing, double MaxDifference, double Tolerance, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs)
{
    /// <summary>Whether every row agrees within the tolerance.</summary>
    public bool Passed => Rows > 0 && Differing == 0;
}
