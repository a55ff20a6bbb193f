using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests.Versioning;

namespace MlopsCi.S3.Tests;

/// <summary>The data-version-control suite on Ceph RGW: every test gets a fresh prefix in one shared bucket.</summary>
[Trait("Speed", "Slow")]
public sealed class S3RepositorySpecs : RepositorySpecs
{
    private static readonly string Bucket = S3TestServer.NewBucket("suite");

    protected override async Task<IObjectStore> CreateStoreAsync() =>
        await S3TestServer.OpenAsync($"s3://{Bucket}/{Guid.NewGuid():N}");

    protected override int ConcurrentGcTrials => 5;

    protected override int FilesPerGcTrial => 300;
}
