using MlopsCi.Core.Drift;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// Compares two versions of a CSV/TSV file in one streaming pass each: headers (columns added and removed), column
/// types inferred from the first rows, row counts, and rows added and removed as a multiset of row hashes (64-bit), so
/// memory grows with the distinct rows of the old version, not with the file. Above <see cref="MaxHashedRows"/> rows only
/// the counts are compared.
/// </summary>
internal static class TableDiffer
{
    public const long MaxHashedRows = 5_000_000;
    private const int TypeSample = ColumnKindInference.SampleSize;

    /// <summary>Whether a repository path is a table this class can compare.</summary>
    public static bool IsTable(string path) => ReaderFor(path) is not null;

    private static CsvTableReader? ReaderFor(string path) =>
        TableFormats.IsGzip(path) ? null : TableFormats.Of(path) switch { "csv" => CsvTableReader.Csv, "tsv" => CsvTableReader.Tsv, _ => null };

    /// <summary>Compares <paramref name="before"/> (null: the file is new) with <paramref name="after"/> (null: deleted).</summary>
    public static async Task<TableDiff> CompareAsync(Func<Task<Stream>>? before, Func<Task<Stream>>? after, string path, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ulong, int>();
        var old = before is null ? Side.Empty : await ReadAsync(before, path, counts, +1, MaxHashedRows, cancellationToken);
        var hashing = old.Hashed;
        var now = after is null ? Side.Empty : await ReadAsync(after, path, hashing ? counts : null, -1, MaxHashedRows, cancellationToken);
        var sameHeader = old.Header.SequenceEqual(now.Header, StringComparer.Ordinal) || before is null || after is null;
        long added, removed;
        string? note = null;
        if (hashing && now.Hashed && sameHeader)
        {
            removed = counts.Values.Where(v => v > 0).Sum(v => (long)v);
            added = -counts.Values.Where(v => v < 0).Sum(v => (long)v);
        }
        else
        {
            (added, removed) = (Math.Max(0, now.Rows - old.Rows), Math.Max(0, old.Rows - now.Rows));
            note = sameHeader ? $"over {MaxHashedRows:N0} rows: net row change only" : "the header changed, so rows are compared by count only";
        }

        var columnsAdded = now.Header.Except(old.Header, StringComparer.Ordinal).ToList();
        var columnsRemoved = old.Header.Except(now.Header, StringComparer.Ordinal).ToList();
        var typeChanges = new List<ColumnTypeChange>();
        foreach (var column in old.Header.Intersect(now.Header, StringComparer.Ordinal))
        {
            var (a, b) = (old.Kinds[column], now.Kinds[column]);
            if (a is not null && b is not null && a != b)
                typeChanges.Add(new ColumnTypeChange(column, a, b));
        }

        return new TableDiff(old.Rows, now.Rows, added, removed, columnsAdded, columnsRemoved, typeChanges, note);
    }

    private static async Task<Side> ReadAsync(Func<Task<Stream>> open, string path, Dictionary<ulong, int>? counts, int sign, long hashLimit, CancellationToken cancellationToken)
    {
        await using var stream = await open();
        var side = new SideReader(counts, sign, hashLimit);
        await ReaderFor(path)!.ReadAsync(stream, path, side, cancellationToken);
        var kinds = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < side.Columns.Count; i++)
            kinds.TryAdd(side.Columns[i], KindOf(side.Samples[i]));
        return new Side(side.Columns, side.Rows, kinds, side.Hashed);
    }

    /// <summary>Counts rows, samples the first rows of each column, and adds (or subtracts) row hashes.</summary>
    private sealed class SideReader(Dictionary<ulong, int>? counts, int sign, long hashLimit) : TableVisitor
    {
        public IReadOnlyList<string> Columns { get; private set; } = [];

        public List<string>[] Samples { get; private set; } = [];

        public long Rows { get; private set; }

        public bool Hashed { get; private set; } = counts is not null;

        public override void Header(IReadOnlyList<string> columns)
        {
            Columns = [.. columns];
            Samples = [.. columns.Select(_ => new List<string>())];
        }

        public override void Row(TableRow row)
        {
            Rows++;
            if (Rows <= TypeSample)
            {
                for (var i = 0; i < Samples.Length && i < row.FieldCount; i++)
                    Samples[i].Add(row[i].ToString());
            }

            if (Hashed && Rows > hashLimit)
            {
                Hashed = false;
                counts!.Clear();
            }

            if (Hashed)
            {
                var key = Hash(row);
                counts![key] = counts.GetValueOrDefault(key) + sign;
            }
        }
    }

    // Only numbers versus text: finer kinds (flags, categories) shift with the sample and would report noise.
    private static string? KindOf(List<string> sample)
    {
        var values = sample.Where(v => !ColumnKindInference.IsMissing(v)).ToList();
        return values.Count == 0 ? null : values.All(v => ColumnKindInference.TryNumber(v, out _)) ? "numeric" : "text";
    }

    // FNV-1a over the fields with a unit separator between them: 64 bits keep collisions negligible at millions of rows.
    private static ulong Hash(TableRow row)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < row.FieldCount; i++)
        {
            foreach (var c in row[i])
                hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return hash;
    }

    private sealed record Side(IReadOnlyList<string> Header, long Rows, IReadOnlyDictionary<string, string?> Kinds, bool Hashed)
    {
        public static Side Empty { get; } = new([], 0, new Dictionary<string, string?>(), true);
    }
}
