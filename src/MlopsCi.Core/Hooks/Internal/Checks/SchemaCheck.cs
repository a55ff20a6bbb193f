using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>schema</c>: the header has every required column (once) and, unless allowed, no other; each non-null value has
/// its column's type; every row has as many fields as the header.
/// </summary>
internal sealed class SchemaCheck(SchemaRule rule, string file, int maxSamples) : TableCheck(file, maxSamples)
{
    private readonly Offenders _ragged = new(maxSamples);
    private (int Index, ColumnType Type, Offenders Offenders, string Name)[] _typed = [];
    private int _width;

    public override void Start(IReadOnlyList<string> header)
    {
        _width = header.Count;
        foreach (var duplicate in header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Report(duplicate.Key, "unique column names", 0, [], $"the header names column '{duplicate.Key}' {duplicate.Count()} times");
        var typed = new List<(int, ColumnType, Offenders, string)>();
        foreach (var column in rule.Columns)
        {
            var index = IndexOf(header, column.Name);
            if (index < 0)
                Report(column.Name, $"required column ({ValueTypes.Name(column.Type)})", 0, [], $"the required column '{column.Name}' is missing");
            else if (column.Type != ColumnType.String)
                typed.Add((index, column.Type, new Offenders(MaxSamples), column.Name));
        }

        _typed = [.. typed];
        if (rule.AllowExtraColumns)
            return;
        foreach (var extra in header.Where(h => rule.Columns.All(c => c.Name != h)).Distinct(StringComparer.Ordinal))
            Report(extra, "no unexpected columns", 0, [], $"column '{extra}' is not in the schema; add it there or set allow-extra-columns: true");
    }

    public override void Observe(TableRow row)
    {
        if (row.FieldCount != _width)
            _ragged.Add(row, $"{row.FieldCount} fields");
        foreach (var (index, type, offenders, _) in _typed)
        {
            if (!row.IsNull(index) && !ValueTypes.Matches(type, row[index]))
                offenders.Add(row, row[index]);
        }
    }

    public override void Finish(long rows)
    {
        if (_ragged.Count > 0)
            Report(null, $"{_width} fields per row, like the header", _ragged.Count, _ragged.Samples, $"{Rows(_ragged.Count)} {(_ragged.Count == 1 ? "has" : "have")} a different number of fields than the header ({_width})");
        foreach (var (_, type, offenders, name) in _typed)
            Report(name, $"type {ValueTypes.Name(type)}", offenders, $"{Rows(offenders.Count)} {(offenders.Count == 1 ? "is" : "are")} not {Article(type)} {ValueTypes.Name(type)}");
    }

    private static string Article(ColumnType type) => type == ColumnType.Integer ? "an" : "a";
}
