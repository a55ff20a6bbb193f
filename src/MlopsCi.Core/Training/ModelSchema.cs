using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>A model's inputs: the label, each feature column with how it is used, and the classes it knows.</summary>
public sealed record ModelSchema(ModelTask Task, string Label, IReadOnlyList<SchemaColumn> Columns, IReadOnlyList<string> Classes);

/// <summary>One input column: its name and kind ("numeric", "categorical" or "text").</summary>
public sealed record SchemaColumn(string Name, string Kind);
