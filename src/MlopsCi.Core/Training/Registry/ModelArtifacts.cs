using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Training.Registry;

/// <summary>
/// Model files, content-addressed at <c>_mlops/artifacts/&lt;sha256&gt;</c>: outside <c>objects/</c>, so data garbage
/// collection never removes a model a run or version refers to.
/// </summary>
public sealed class ModelArtifacts(IObjectStore store)
{
    internal const string Prefix = StoreLayout.Artifacts;

    /// <summary>Uploads a model file (once per content) and returns its SHA-256.</summary>
    public async Task<string> UploadAsync(string localFile, CancellationToken cancellationToken)
    {
        var hash = await Hashing.Sha256FileAsync(localFile, cancellationToken);
        await store.PutFileIfAbsentAsync(Prefix + hash, localFile, hash, cancellationToken);
        return hash;
    }

    /// <summary>Copies a model to a local file, verifying its hash.</summary>
    public async Task DownloadAsync(string hash, string destination, CancellationToken cancellationToken)
    {
        await using (var source = await store.TryOpenReadAsync(Prefix + hash, cancellationToken)
            ?? throw new CorruptionException($"Model artifact {hash[..12]}… is missing from {store.Location}.", [Prefix + hash]))
        await using (var target = File.Create(destination))
        {
            var actual = await Hashing.CopyAndHashAsync(source, target, cancellationToken);
            if (actual != hash)
                throw new CorruptionException($"Model artifact {hash[..12]}… in {store.Location} is corrupt (its content hashes to {actual[..12]}…).", [Prefix + hash]);
        }
    }
}
