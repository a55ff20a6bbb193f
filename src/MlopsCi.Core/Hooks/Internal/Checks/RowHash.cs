using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs.Internal;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// A row's 64-bit identity for duplicate and leakage rules: the row diff's FNV cell hash chained over some columns, then
/// the split's finaliser. A whole record is hashed over its columns in name order, so files with the same columns in
/// another order still match.
/// </summary>
internal static class RowHash
{
    public static int[] NameOrder(IReadOnlyList<string> header) =>
        [.. Enumerable.Range(0, header.Count).OrderBy(i => header[i], StringComparer.Ordinal)];

    public static ulong Of(TableRow row, int[] columns)
    {
        var hash = Fnv.Seed;
        foreach (var index in columns)
            hash = Fnv.Cell(row, index, hash);
        return Hashing.Mix64(hash);
    }
}
