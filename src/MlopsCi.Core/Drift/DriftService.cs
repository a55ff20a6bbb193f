using System.IO.Compression;
using MlopsCi.Core.Drift.Profiling;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Drift;

/// <summary>
/// Per-column drift between the data at two refs, read straight from the repository (streamed and hash-verified): a
/// file, or every table file under a folder read as one sample. CSV and TSV (optionally .gz) are built in, read in the
/// model's CSV dialect when the spec gives one (drift reads the model's data, or data of its shape with --path);
/// adapters may pass readers of other formats (e.g. Parquet). See <see cref="DriftAnalyzer"/> for the rules.
/// </summary>
public sealed class DriftService(Repository repository, IEnumerable<ITableReader>? readers = null)
{
    private readonly IReadOnlyList<ITableReader> _others = [.. readers ?? []];

    /// <summary>Compares the data at <paramref name="currentRef"/> with the data at <paramref name="baselineRef"/>.</summary>
    public async Task<DriftReport> CompareAsync(string baselineRef, string currentRef, DriftOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = options.Paths;
        var tables = new TableReaderLookup(_others, CsvDialects.Everywhere(options.Model?.Data.Csv));
        var baselineCommit = await repository.ResolveAsync(baselineRef, cancellationToken);
        var currentCommit = await repository.ResolveAsync(currentRef, cancellationToken);
        var baselineFiles = await FilesAsync(tables, baselineCommit, baselineRef, paths, cancellationToken);
        var currentFiles = await FilesAsync(tables, currentCommit, currentRef, paths, cancellationToken);
        var missing = options.Model?.Data.Csv?.MissingValues;
        var baseline = new TableProfile(options.RoleOf, inferKinds: true, options.MaxValuesPerColumn, missing);
        await ReadAsync(tables, baseline, baselineFiles, baselineRef, cancellationToken);
        var current = new TableProfile(name => baseline[name] is { } b ? (b.Kind, b.SkipReason) : null, inferKinds: false, options.MaxValuesPerColumn, missing);
        await ReadAsync(tables, current, currentFiles, currentRef, cancellationToken);
        return new DriftReport(
            baselineRef, baselineCommit.Id, currentRef, currentCommit.Id,
            [.. baselineFiles.Select(f => f.Path)], [.. currentFiles.Select(f => f.Path)],
            baseline.Rows, current.Rows, options.Thresholds, DriftAnalyzer.Compare(baseline, current, options.Thresholds));
    }

    private async Task<List<Entry>> FilesAsync(TableReaderLookup tables, Commit commit, string reference, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<Entry>();
        foreach (var raw in paths)
        {
            var path = raw.Trim('/');
            if (await repository.FindAsync(commit, path, cancellationToken) is { } entry)
            {
                files.Add(entry);
                continue;
            }

            var before = files.Count;
            await foreach (var child in repository.ListAsync(commit, path + "/", cancellationToken))
            {
                if (tables.For(child.Path) is not null)
                    files.Add(child);
            }

            if (files.Count == before)
                throw new InvalidInputException($"There is no file or folder of {string.Join("/", tables.Formats).ToUpperInvariant()} files '{raw}' at '{reference}' ({commit.Id[..12]}). 'mlops data ls {reference}' lists what is there.");
        }

        return files;
    }

    private async Task ReadAsync(TableReaderLookup tables, TableProfile profile, List<Entry> files, string reference, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var format = TableFormats.Of(file.Path);
            var reader = tables.For(file.Path)
                ?? throw new InvalidInputException($"{file.Path} at '{reference}' is {(format.Length == 0 ? "of no known format" : format)}; drift reads {string.Join(", ", tables.Formats)} files. Pass --path with one of those.");
            await using var blob = await repository.OpenBlobAsync(file, cancellationToken);
            await using var content = TableFormats.IsGzip(file.Path) ? new GZipStream(blob, CompressionMode.Decompress) : blob;
            await profile.AddAsync(reader, content, $"{file.Path} at '{reference}'", cancellationToken);
        }
    }
}
