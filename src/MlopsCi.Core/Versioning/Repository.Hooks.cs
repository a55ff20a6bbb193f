namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>Entries of a tree (e.g. a merge result not committed yet) under a prefix, in path order.</summary>
    public IAsyncEnumerable<Entry> ListAsync(Metarange tree, string prefix, CancellationToken cancellationToken) =>
        _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken);

    /// <summary>The entry of one path in a tree, or null.</summary>
    public Task<Entry?> FindAsync(Metarange tree, string path, CancellationToken cancellationToken) =>
        _trees.FindAsync(tree, path, cancellationToken);
}
