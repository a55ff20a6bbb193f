using System.Buffers.Binary;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// A 64-bit hash of UTF-8 bytes, eight bytes per step (FNV over UTF-16 took a multiply per character of every cell).
/// Only compared within one diff, so it may change between versions.
/// </summary>
internal static class ByteHash
{
    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
            tail |= (ulong)bytes[i] << (8 * i);
        return Hashing.Mix64(h ^ tail);
    }
}
