using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Drift.Profiling;

/// <summary>
/// Profiles of every column of one sample (one or more files with the same header), fed by a streaming
/// <see cref="ITableReader"/>. The kinds are either given (the current sample uses the baseline's) or inferred from the
/// first <see cref="ColumnKindInference.SampleSize"/> rows, with the spec's roles (<paramref name="forced"/>) first;
/// <paramref name="missing"/> says which values are missing (null: the defaults).
/// </summary>
internal sealed class TableProfile(Func<string, (ColumnKind Kind, string? Reason)?> forced, bool inferKinds, int maxValues, Specs.MissingValues? missing = null)
{
    private readonly List<ColumnProfile> _columns = [];
    private readonly List<string[]> _pending = [];
    private IReadOnlyList<string>? _header;
    private string? _firstSource;

    /// <summary>Column profiles in header order.</summary>
    public IReadOnlyList<ColumnProfile> Columns => _columns;

    /// <summary>Data rows read.</summary>
    public long Rows { get; private set; }

    /// <summary>The profile of a column, or null.</summary>
    public ColumnProfile? this[string name] => _columns.Find(c => c.Name == name);

    /// <summary>Reads every row of one file into the profiles.</summary>
    public async Task AddAsync(ITableReader reader, Stream content, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.ReadAsync(content, source, new Visitor(this, source), cancellationToken);
        if (_columns.Count == 0 && _header is not null)
            Flush();
    }

    private void OnHeader(IReadOnlyList<string> header, string source)
    {
        header = [.. header.Select(h => h.Trim())];
        if (header.Count == 0)
            throw new InvalidInputException($"{source} is empty: a header row naming the columns is expected on line 1.");
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidInputException($"{source} line 1: column '{duplicate.Key}' appears twice in the header; rename one.");
        if (_header is null)
            (_header, _firstSource) = (header, source);
        else if (!_header.SequenceEqual(header, StringComparer.Ordinal))
            throw new InvalidInputException($"{source} has the columns [{string.Join(", ", header)}], but {_firstSource} has [{string.Join(", ", _header)}]; files read as one sample need the same header.");
    }

    private void OnRow(TableRow row, string source)
    {
        if (row.FieldCount > _header!.Count)
            throw new InvalidInputException($"{source} line {row.Line}: {row.FieldCount} fields, but the header has {_header.Count} columns. Quote fields that contain the separator.");
        Rows++;
        if (_columns.Count == 0)
        {
            var values = new string[_header.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = row[i].ToString();
            _pending.Add(values);
            if (_pending.Count >= ColumnKindInference.SampleSize)
                Flush();
            return;
        }

        for (var i = 0; i < _columns.Count; i++)
            _columns[i].Add(row[i]);
    }

    /// <summary>Fixes the kinds from the buffered rows, then replays them.</summary>
    private void Flush()
    {
        for (var i = 0; i < _header!.Count; i++)
        {
            var name = _header[i];
            var (kind, reason) = forced(name) is { } role ? role
                : inferKinds ? ColumnKindInference.Infer(_pending.Select(r => r[i]), missing)
                : (ColumnKind.Skipped, "not in the baseline");
            _columns.Add(new ColumnProfile(name, kind, reason, maxValues, seed: i + 1, missing));
        }

        foreach (var row in _pending)
        {
            for (var i = 0; i < row.Length; i++)
                _columns[i].Add(row[i]);
        }

        _pending.Clear();
    }

    private sealed class Visitor(TableProfile profile, string source) : TableVisitor
    {
        public override void Header(IReadOnlyList<string> columns) => profile.OnHeader(columns, source);

        public override void Row(TableRow row) => profile.OnRow(row, source);
    }
}
