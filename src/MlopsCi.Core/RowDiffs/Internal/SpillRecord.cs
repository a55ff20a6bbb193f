using System.Buffers.Binary;
using System.Text;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// The spill files' record layout: length (int32, of what follows), row number (int64), cell count (int32), then per
/// cell its UTF-8 length (int32) and bytes. Two cells are equal exactly when their UTF-8 bytes are.
/// </summary>
internal static class SpillRecord
{
    public const int HeaderBytes = 4 + 8 + 4;

    public static long Number(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt64LittleEndian(data[(offset + 4)..]);

    /// <summary>Finds the cells of the record at <paramref name="offset"/>; returns the offset of the next record.</summary>
    public static int Cells(ReadOnlySpan<byte> data, int offset, ref int[] starts, ref int[] lengths, out int count)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(data[offset..]);
        count = BinaryPrimitives.ReadInt32LittleEndian(data[(offset + 12)..]);
        if (starts.Length < count)
        {
            starts = new int[count * 2];
            lengths = new int[count * 2];
        }

        var p = offset + HeaderBytes;
        for (var i = 0; i < count; i++)
        {
            var n = BinaryPrimitives.ReadInt32LittleEndian(data[p..]);
            starts[i] = p + 4;
            lengths[i] = n;
            p += 4 + n;
        }

        return offset + 4 + length;
    }

    public static string Text(ReadOnlySpan<byte> data, int start, int length) => Encoding.UTF8.GetString(data.Slice(start, length));
}
