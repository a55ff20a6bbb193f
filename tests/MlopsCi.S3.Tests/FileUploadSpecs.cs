using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class FileUploadSpecs
{
    private const long MiB = 1024 * 1024;
    private readonly string _root = $"s3://{S3TestServer.NewBucket("files")}/repo";

    /// <summary>Small parts so a modest file takes the multipart path.</summary>
    private static readonly MlopsCi.S3.S3StoreOptions SmallParts = S3TestServer.Options with { MultipartThreshold = 6 * MiB, PartSize = 5 * MiB };

    [Fact]
    public async Task A_100_MB_file_is_uploaded_in_parallel_parts_and_reads_back_with_the_same_hash()
    {
        using var file = await TempFile.CreateAsync(100 * MiB + 12345, seed: 1);
        await using var store = await S3TestServer.OpenAsync(_root);
        var key = $"objects/{file.Sha256[..2]}/{file.Sha256}";
        try
        {
            var written = await store.PutFileIfAbsentAsync(key, file.Path, file.Sha256, CancellationToken.None);
            var again = await store.PutFileIfAbsentAsync(key, file.Path, file.Sha256, CancellationToken.None);
            await using var read = await store.TryOpenReadAsync(key, CancellationToken.None);
            var readHash = await TempFile.HashAsync(read!);

            Assert.True(written);
            Assert.False(again);
            Assert.Equal(100 * MiB + 12345, read!.Length);
            Assert.Equal(file.Sha256, readHash);
        }
        finally
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_small_file_is_uploaded_in_one_put_and_verified()
    {
        using var file = await TempFile.CreateAsync(1 * MiB, seed: 2);
        await using var store = await S3TestServer.OpenAsync(_root);

        var written = await store.PutFileIfAbsentAsync("objects/small", file.Path, file.Sha256, CancellationToken.None);
        var again = await store.PutFileIfAbsentAsync("objects/small", file.Path, file.Sha256, CancellationToken.None);

        Assert.True(written);
        Assert.False(again);
        Assert.Equal(file.Sha256, await TempFile.HashAsync(new MemoryStream((await store.TryReadAllAsync("objects/small", CancellationToken.None))!)));
    }

    [Fact]
    public async Task A_small_file_that_does_not_match_its_hash_is_refused_and_removed()
    {
        using var file = await TempFile.CreateAsync(1 * MiB, seed: 3);
        await using var store = await S3TestServer.OpenAsync(_root);
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => store.PutFileIfAbsentAsync("objects/bad-small", file.Path, wrong, CancellationToken.None));

        Assert.Contains(file.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(file.Sha256, error.Message, StringComparison.Ordinal);
        Assert.False(await store.ExistsAsync("objects/bad-small", CancellationToken.None));
    }

    [Fact]
    public async Task A_multipart_file_that_does_not_match_its_hash_is_refused_and_never_stored()
    {
        using var file = await TempFile.CreateAsync(12 * MiB, seed: 4);
        await using var store = await S3TestServer.OpenAsync(_root, SmallParts);
        var wrong = new string('f', 64);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => store.PutFileIfAbsentAsync("objects/bad-large", file.Path, wrong, CancellationToken.None));

        Assert.Contains(file.Path, error.Message, StringComparison.Ordinal);
        Assert.False(await store.ExistsAsync("objects/bad-large", CancellationToken.None));
    }

    [Fact]
    public async Task A_multipart_file_that_already_exists_is_not_uploaded_again()
    {
        using var file = await TempFile.CreateAsync(12 * MiB, seed: 5);
        await using var store = await S3TestServer.OpenAsync(_root, SmallParts);
        await store.PutAsync("objects/taken", "other"u8.ToArray(), CancellationToken.None);

        var written = await store.PutFileIfAbsentAsync("objects/taken", file.Path, file.Sha256, CancellationToken.None);

        Assert.False(written);
        Assert.Equal("other"u8.ToArray(), await store.TryReadAllAsync("objects/taken", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input_naming_it()
    {
        await using var store = await S3TestServer.OpenAsync(_root);
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => store.PutFileIfAbsentAsync("objects/x", missing, null, CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
