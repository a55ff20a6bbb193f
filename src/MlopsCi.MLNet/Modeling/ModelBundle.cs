using System.Text.Json;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Versioning;

namespace MlopsCi.MLNet.Modeling;

/// <summary>How a column feeds the model.</summary>
internal enum ColumnKind
{
    Numeric,
    Categorical,
    Text,
}

/// <summary>One input column: original name, the name inside the ML.NET pipeline, its kind, and whether training saw missing values.</summary>
internal sealed record PlannedColumn(string Name, string Internal, ColumnKind Kind, bool HasMissing);

/// <summary>
/// What scoring needs besides the ML.NET model, stored inside the model zip as <c>mlops/bundle.json</c>: task, label,
/// classes (binary: negative then positive) and the input columns.
/// </summary>
internal sealed record ModelBundle(int Format, ModelTask Task, string Label, IReadOnlyList<string> Classes, IReadOnlyList<PlannedColumn> Columns, string Trainer)
{
    public const string EntryName = "mlops/bundle.json";
    public const string RawLabel = "__label";
    public const string LabelColumn = "Label";

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, StoreJson.Options);

    public static ModelBundle Parse(byte[] bytes) =>
        JsonSerializer.Deserialize<ModelBundle>(bytes, StoreJson.Options) ?? throw new JsonException("Empty model bundle.");

    public ModelSchema ToSchema() =>
        new(Task, Label, [.. Columns.Select(c => new SchemaColumn(c.Name, c.Kind.ToString().ToLowerInvariant()))], Classes);
}
