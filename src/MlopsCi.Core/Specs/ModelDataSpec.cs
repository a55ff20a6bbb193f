namespace MlopsCi.Core.Specs;

/// <summary>
/// The training data, as paths in the data repository: a train file, and either a test file or a fraction of the
/// train rows held out (<see cref="Split"/>, seeded; time-ordered when the model has a time column).
/// </summary>
public sealed record ModelDataSpec(string Train, string? Test, double? Split)
{
    /// <summary>
    /// The files' CSV dialect when the spec sets one (<c>model.data.csv</c>); null: a header line and a sniffed separator.
    /// Left out of the JSON when null, so the recorded spec (and its hash) of a spec without it stays as it was.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CsvDialect? Csv { get; init; }

    /// <summary>The fraction held out when there is no test file (0.2 unless set).</summary>
    public double HoldoutFraction => Split ?? 0.2;

    /// <summary>The repository paths read.</summary>
    public IReadOnlyList<string> Paths => Test is null ? [Train] : [Train, Test];
}
