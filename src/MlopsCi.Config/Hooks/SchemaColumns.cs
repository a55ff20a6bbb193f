using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Rules;
using YamlDotNet.RepresentationModel;

namespace MlopsCi.Config.Hooks;

/// <summary>
/// A schema's columns, as a mapping (<c>columns: { fare_amount: number, vendor: string }</c>) or a list of
/// <c>{ name, type }</c>. Unknown types are errors at their line.
/// </summary>
internal static class SchemaColumns
{
    private static readonly Dictionary<string, ColumnType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = ColumnType.String,
        ["text"] = ColumnType.String,
        ["integer"] = ColumnType.Integer,
        ["int"] = ColumnType.Integer,
        ["long"] = ColumnType.Integer,
        ["number"] = ColumnType.Number,
        ["float"] = ColumnType.Number,
        ["double"] = ColumnType.Number,
        ["decimal"] = ColumnType.Number,
        ["boolean"] = ColumnType.Boolean,
        ["bool"] = ColumnType.Boolean,
        ["date"] = ColumnType.Date,
        ["datetime"] = ColumnType.DateTime,
        ["timestamp"] = ColumnType.DateTime,
    };

    private static readonly string[] ItemKeys = ["name", "type"];

    public static IReadOnlyList<SchemaColumn> Parse(YamlSection p)
    {
        var columns = new List<SchemaColumn>();
        switch (p.Get("columns"))
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw p.Error(key, "a column name is empty");
                    var type = value is YamlScalarNode { Value: { } typeText } ? typeText : throw p.Error(value, $"the type of column '{name}' must be a single word (string, integer, number, boolean, date, datetime)");
                    columns.Add(new SchemaColumn(name, TypeOf(p, value, name, type)));
                }

                break;
            case YamlSequenceNode:
                var index = 0;
                foreach (var item in p.Items("columns"))
                {
                    var column = new YamlSection(p.File, $"{p.Child("columns")}[{index++}]", item, ItemKeys);
                    var name = column.RequiredString("name", "fare_amount");
                    columns.Add(new SchemaColumn(name, TypeOf(column, column.Get("type") ?? item, name, column.RequiredString("type", "number"))));
                }

                break;
            case null:
                throw p.Error(p.Node, $"'{p.Child("columns")}' is required (e.g. columns: {{ fare_amount: number, payment_type: string }})");
            case var other:
                throw p.Error(other, $"'{p.Child("columns")}' must map column names to types (e.g. columns: {{ fare_amount: number }})");
        }

        if (columns.Count == 0)
            throw p.Error("columns", $"'{p.Child("columns")}' lists no column");
        if (columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw p.Error("columns", $"column '{duplicate.Key}' is listed more than once");
        return columns;
    }

    private static ColumnType TypeOf(YamlSection section, YamlNode node, string column, string type) =>
        Types.TryGetValue(type, out var parsed)
            ? parsed
            : throw section.Error(node, $"unknown column type '{type}' for column '{column}'{HookRuleParser.Hint(type, Types.Keys)}; types: string, integer, number, boolean, date, datetime");
}
