using System.Globalization;
using System.Text;

namespace MlopsCi.Core.Versioning;

/// <summary>One file a checkout wrote: its path, content hash, and the size and modification time it had on disk then.</summary>
internal sealed record CheckoutRecord(string Path, string Hash, long Size, long ModifiedTicks);

/// <summary>
/// The files the last checkout wrote into a folder, kept in <c>.mlops/checkout</c> inside it (never committed: commits skip
/// <c>.mlops/</c>). A later checkout writes and removes only these files, and recognises one as unmodified when its size and
/// modification time still match (or, failing that, its hash), as git's index does.
/// </summary>
internal static class CheckoutManifest
{
    private const string Header = "mlops-checkout 1";

    public static string PathIn(string target) => Path.Combine(target, ".mlops", "checkout");

    /// <summary>The records of the last checkout into <paramref name="target"/>; empty when there was none (or it is unreadable).</summary>
    public static Dictionary<string, CheckoutRecord> Read(string target)
    {
        var records = new Dictionary<string, CheckoutRecord>(StringComparer.Ordinal);
        var path = PathIn(target);
        if (!File.Exists(path))
            return records;
        using var reader = new StreamReader(path, Encoding.UTF8);
        if (reader.ReadLine() is not { } header || !header.StartsWith(Header, StringComparison.Ordinal))
            return records;
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t', 4);
            if (parts.Length == 4 && PathRules.IsValid(parts[3])
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                records[parts[3]] = new CheckoutRecord(parts[3], parts[0], size, ticks);
        }

        return records;
    }

    /// <summary>Replaces the manifest atomically (a temporary file renamed over it).</summary>
    public static void Write(string target, string commitId, IEnumerable<CheckoutRecord> records)
    {
        var path = PathIn(target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            writer.Write(Header + " " + commitId + "\n");
            foreach (var record in records.OrderBy(r => r.Path, StringComparer.Ordinal))
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{record.Hash}\t{record.Size}\t{record.ModifiedTicks}\t{record.Path}\n"));
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>What is on disk at <paramref name="fullPath"/> now, recorded for <paramref name="hash"/>.</summary>
    public static CheckoutRecord Stat(string path, string fullPath, string hash)
    {
        var info = new FileInfo(fullPath);
        return new CheckoutRecord(path, hash, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
