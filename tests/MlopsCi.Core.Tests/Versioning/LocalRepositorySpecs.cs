using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Tests.Versioning;

/// <summary>The data-version-control suite on the embedded local-folder store.</summary>
public sealed class LocalRepositorySpecs : RepositorySpecs
{
    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new LocalFolderStore(Temp.Combine("store")));
}
