using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Web.Internal;

internal sealed partial class StoreViews
{
    public async Task<TreeView> TreeAsync(string reference, string folder, string? after, CancellationToken cancellationToken)
    {
        var commit = await Repository.ResolveAsync(reference, cancellationToken);
        var page = await Repository.BrowseAsync(commit, folder, after, TreePageSize, cancellationToken);
        var items = page.Items.Select(i => new TreeItemView(i.Name, page.Folder + i.Name, i.IsFolder, i.Entry?.Size, i.Entry?.Hash)).ToList();
        return new TreeView(reference, commit.Id, page.Folder, items, page.Next);
    }

    public async Task<(Entry Entry, string Commit)> EntryAsync(string reference, string path, CancellationToken cancellationToken)
    {
        var commit = await Repository.ResolveAsync(reference, cancellationToken);
        var entry = await Repository.FindAsync(commit, path.TrimStart('/'), cancellationToken)
            ?? throw new InvalidInputException($"There is no file '{PathRules.Printable(path)}' at '{reference}' ({commit.Id[..12]}). Browse the tree to see what is there.");
        return (entry, commit.Id);
    }

    public async Task<FileView> FileAsync(string reference, string path, CancellationToken cancellationToken)
    {
        var (entry, commit) = await EntryAsync(reference, path, cancellationToken);
        var format = TableFormats.Of(entry.Path);
        var reader = TableFormats.IsGzip(entry.Path) ? null : _readers.FirstOrDefault(r => r.Format == format);
        if (reader is null)
            return new FileView(reference, commit, entry.Path, entry.Size, entry.Hash, format, null, "No preview: only CSV, TSV and Parquet files are shown as tables.");
        try
        {
            await using var stream = await Repository.OpenBlobAsync(entry, cancellationToken);
            var preview = await TablePreview.ReadAsync(reader, stream, entry.Path, cancellationToken);
            return new FileView(reference, commit, entry.Path, entry.Size, entry.Hash, format, preview, null);
        }
        catch (InvalidInputException e)
        {
            return new FileView(reference, commit, entry.Path, entry.Size, entry.Hash, format, null, "No preview: " + e.Message);
        }
    }

    /// <summary>
    /// The data section the pull-request comment shows, between any two refs: keyed row diffs where the spec's
    /// <c>data.keys</c> (or <paramref name="key"/>, "col,col" for every table, like <c>--key</c>) names a key.
    /// </summary>
    public async Task<DiffView> DiffAsync(string left, string right, string? key, CancellationToken cancellationToken)
    {
        var leftCommit = await Repository.ResolveAsync(left, cancellationToken);
        var rightCommit = await Repository.ResolveAsync(right, cancellationToken);
        var columns = (key ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = columns.Length > 0 ? new TableKeys([new("**", columns)]) : _keys;
        var section = await DataDiffBuilder.BuildAsync(Repository, leftCommit, rightCommit, new DataDiffOptions { Keys = keys, Readers = _extraReaders }, cancellationToken);
        var changes = section.Files.Take(DiffPageSize)
            .Select(f => new ChangeView(f.Kind.ToString(), f.Path, f.SizeBefore, f.SizeAfter, f.Table))
            .ToList();
        return new DiffView(left, right, leftCommit.Id, rightCommit.Id, section.Files.Count, changes, section.RowsAdded, section.RowsRemoved)
        {
            RowsModified = section.RowsModified,
            Key = columns.Length > 0 ? string.Join(",", columns) : null,
        };
    }
}
