using System.Security.Cryptography;

namespace MlopsCi.S3.Tests;

/// <summary>A temporary file of pseudo-random bytes, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path, string sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    public string Path { get; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; }

    public static async Task<TempFile> CreateAsync(long size, int seed)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mlops-s3-test-{Guid.NewGuid():N}.bin");
        var random = new Random(seed);
        var block = new byte[1 << 20];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = File.Create(path))
        {
            for (long written = 0; written < size; written += block.Length)
            {
                random.NextBytes(block);
                var n = (int)Math.Min(block.Length, size - written);
                sha.AppendData(block, 0, n);
                await file.WriteAsync(block.AsMemory(0, n));
            }
        }

        return new TempFile(path, Convert.ToHexStringLower(sha.GetCurrentHash()));
    }

    public static async Task<string> HashAsync(Stream stream)
    {
        using var sha = SHA256.Create();
        return Convert.ToHexStringLower(await sha.ComputeHashAsync(stream));
    }

    public void Dispose() => File.Delete(Path);
}
