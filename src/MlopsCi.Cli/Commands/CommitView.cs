using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary>How commits and outcomes look on the console and in --json.</summary>
internal static class CommitView
{
    public static object Json(Commit c) => new { id = c.Id, parents = c.Parents, message = c.Message, author = c.Author, time = c.Time, metadata = c.Metadata, generation = c.Generation, metarange = c.Metarange };

    public static object Json(CommitOutcome o, string branch) => new
    {
        branch,
        changed = o.Changed,
        kind = o.Kind,
        commit = Json(o.Commit),
        changes = o.Changes.Select(d => new { op = d.Code.ToString(), path = d.Path }),
        files = o.Transfer.Files,
        blobsWritten = o.Transfer.BlobsWritten,
        bytesWritten = o.Transfer.BytesWritten,
        skipped = o.Transfer.Skipped,
    };

    public static string Short(Commit c) => c.Id[..12];

    public static void WriteLog(TextWriter w, Commit c)
    {
        w.WriteLine($"commit {c.Id}");
        if (c.Parents.Count > 1)
            w.WriteLine($"Merge: {string.Join(' ', c.Parents.Select(p => p[..12]))}");
        w.WriteLine($"Author: {c.Author}");
        w.WriteLine($"Date:   {c.Time:u}");
        foreach (var (key, value) in c.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            w.WriteLine($"Meta:   {key}={value}");
        w.WriteLine();
        foreach (var line in c.Message.Split('\n'))
            w.WriteLine($"    {line}");
        w.WriteLine();
    }

    public static void WriteOutcome(TextWriter w, CommitOutcome o, string branch)
    {
        if (!o.Changed)
        {
            w.WriteLine($"No change: '{branch}' already has this content at {Short(o.Commit)}; no commit made.");
            return;
        }

        var counts = o.Changes.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.Count());
        w.WriteLine($"[{branch} {Short(o.Commit)}] {o.Kind}: {counts.GetValueOrDefault('A')} added, {counts.GetValueOrDefault('M')} modified, {counts.GetValueOrDefault('D')} deleted");
        if (o.Transfer.Files > 0)
            w.WriteLine($"  {o.Transfer.Files:N0} files scanned, {o.Transfer.BlobsWritten:N0} new blobs ({o.Transfer.BytesWritten:N0} bytes) stored");
        foreach (var skipped in o.Transfer.Skipped)
            w.WriteLine($"  skipped {skipped}");
    }
}
