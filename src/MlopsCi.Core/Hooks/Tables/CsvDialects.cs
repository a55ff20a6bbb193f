using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// Which CSV dialect a repository path is read in: the spec's <c>model.data.csv</c> for the model's data files (the files
/// <c>model.data.train</c> and <c>test</c> name, or the files under them when they name folders), or for every file when
/// the reader reads the model's data only (drift); any other file has a header line and a sniffed separator.
/// </summary>
public sealed class CsvDialects
{
    private readonly CsvDialect? _dialect;
    private readonly IReadOnlyList<string>? _paths;

    private CsvDialects(CsvDialect? dialect, IReadOnlyList<string>? paths) => (_dialect, _paths) = (dialect, paths);

    /// <summary>Every file with a header line and a sniffed separator.</summary>
    public static CsvDialects None { get; } = new(null, []);

    /// <summary>The model's dialect for the model's data files; null <paramref name="model"/> or no dialect: <see cref="None"/>.</summary>
    public static CsvDialects For(ModelSpec? model) => model is null ? None : ForPaths(model.Data.Csv, model.Data.Paths);

    /// <summary><paramref name="dialect"/> for the files <paramref name="paths"/> name (or the files under them); null <paramref name="dialect"/>: <see cref="None"/>.</summary>
    public static CsvDialects ForPaths(CsvDialect? dialect, IEnumerable<string> paths) =>
        dialect is null ? None : new(dialect, [.. paths.Select(p => p.Trim('/'))]);

    /// <summary>One dialect for every file read (null: <see cref="None"/>).</summary>
    public static CsvDialects Everywhere(CsvDialect? dialect) => dialect is null ? None : new(dialect, null);

    /// <summary>The dialect of a repository path, or null when it is read with a header line and a sniffed separator.</summary>
    public CsvDialect? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_dialect is null)
            return null;
        if (_paths is null)
            return _dialect;
        path = path.TrimStart('/');
        return _paths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal)) ? _dialect : null;
    }
}
