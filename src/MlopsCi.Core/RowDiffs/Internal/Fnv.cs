using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>FNV-1a over UTF-16 text, chained across cells with a unit separator.</summary>
internal static class Fnv
{
    public const ulong Seed = 14695981039346656037UL;

    public static ulong Hash(ReadOnlySpan<char> text, ulong hash)
    {
        foreach (var c in text)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    public static ulong Cell(TableRow row, int index, ulong hash) => (Hash(row[index], hash) ^ 0x1F) * 1099511628211UL;
}
