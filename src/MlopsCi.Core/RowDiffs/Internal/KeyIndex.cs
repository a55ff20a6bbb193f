namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// Keys of one partition as UTF-8 bytes (equal bytes are equal text), each mapped to an int, in an open-addressing
/// table: no string per row and no decoding, which a dictionary of strings cost for every row of both sides. The key
/// bytes are copied into one buffer that is reused from partition to partition.
/// </summary>
internal sealed class KeyIndex
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private int[] _hashes = new int[1024];
    private int[] _values = new int[1024];
    private int[] _slots = new int[2048]; // entry + 1; 0 is empty
    private int _count;

    public void Clear()
    {
        _used = 0;
        _count = 0;
        Array.Clear(_slots);
    }

    /// <summary>The value of <paramref name="key"/>, or -1 when absent.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
                return -1;
            if (_hashes[entry] == hash && key.SequenceEqual(_bytes.AsSpan(_starts[entry], _lengths[entry])))
                return _values[entry];
        }
    }

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> and returns -1, or returns the value it already has.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> key, int value)
    {
        if ((_count + 1) * 2 > _slots.Length)
            Grow();
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (_hashes[entry] == hash && key.SequenceEqual(_bytes.AsSpan(_starts[entry], _lengths[entry])))
                return _values[entry];
        }

        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        if (_used + key.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + key.Length));
        key.CopyTo(_bytes.AsSpan(_used));
        (_starts[_count], _lengths[_count], _hashes[_count], _values[_count]) = (_used, key.Length, hash, value);
        _used += key.Length;
        _slots[slot] = ++_count;
        return -1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var slot = _hashes[entry] & mask;
            while (_slots[slot] != 0)
                slot = (slot + 1) & mask;
            _slots[slot] = entry + 1;
        }
    }

    private static int Hash(ReadOnlySpan<byte> key) => (int)(ByteHash.Of(key) >> 33);
}
