namespace MlopsCi.Core.Specs;

/// <summary>
/// The training data, as paths in the data repository: a train file, and either a test file or a fraction of the
/// train rows held out (<see cref="Split"/>, seeded; time-ordered when the model has a time column).
/// </summary>
public sealed record ModelDataSpec(string Train, string? Test, double? Split)
{
    /// <summary>The fraction held out when there is no test file (0.2 unless set).</summary>
    public double HoldoutFraction => Split ?? 0.2;

    /// <summary>The repository paths read.</summary>
    public IReadOnlyList<string> Paths => Test is null ? [Train] : [Train, Test];
}
