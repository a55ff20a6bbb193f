using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// A row's 64-bit identity for duplicate and leakage rules: FNV-1a over the cells of some columns, chained with a unit
/// separator, then the split's finaliser. A whole record is hashed over its columns in name order, so files with the same columns in
/// another order still match.
/// </summary>
internal static class RowHash
{
    public static int[] NameOrder(IReadOnlyList<string> header) =>
        [.. Enumerable.Range(0, header.Count).OrderBy(i => header[i], StringComparer.Ordinal)];

    public static ulong Of(TableRow row, int[] columns)
    {
        var hash = 14695981039346656037UL;
        foreach (var index in columns)
        {
            foreach (var c in row[index])
                hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return Hashing.Mix64(hash);
    }
}
