using System.Runtime.InteropServices;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Row hashes written to a file as they come and read back when wanted: the train rows' hashes (8 bytes a row) stay out
/// of memory while LightGBM holds its copy of the data, where training peaks.
/// </summary>
internal sealed class HashSpill : IDisposable
{
    private readonly FileStream _stream;
    private readonly ulong[] _buffer = new ulong[8192];
    private int _used;

    public HashSpill(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
    }

    /// <summary>The file the hashes go to.</summary>
    public string Path { get; }

    public void Add(ulong hash)
    {
        _buffer[_used++] = hash;
        if (_used == _buffer.Length)
            Flush();
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    /// <summary>Every hash written to <paramref name="path"/>, in order.</summary>
    public static ulong[] Read(string path)
    {
        using var stream = File.OpenRead(path);
        var hashes = new ulong[stream.Length / sizeof(ulong)];
        stream.ReadExactly(MemoryMarshal.AsBytes(hashes.AsSpan()));
        return hashes;
    }

    private void Flush()
    {
        _stream.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _used)));
        _used = 0;
    }
}
