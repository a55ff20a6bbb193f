namespace MlopsCi.Core.Versioning;

/// <summary>
/// Content-defined range boundaries: a range ends after an entry whose path hashes to a boundary (about one in
/// <see cref="TargetSize"/>), or after <see cref="MaxSize"/> entries. Boundaries depend only on the paths, so the
/// same set of entries always yields the same ranges, and an edit rewrites only the ranges around it.
/// </summary>
internal static class Chunker
{
    public const int TargetSize = 1024;
    public const int MaxSize = 8 * TargetSize;

    public static bool IsBoundary(string path)
    {
        // FNV-1a over UTF-16 code units, then a murmur finaliser so the low bits are well mixed.
        var h = 14695981039346656037UL;
        foreach (var c in path)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return (h & (TargetSize - 1)) == 0;
    }
}
