using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// A data repository in a store: git-like branches, commits, merges over content-addressed blobs, with no database.
/// Write order is blobs → ranges → metarange → commit → compare-and-swap of the ref, so a crash anywhere leaves
/// every branch where it was. The work is done by named parts: <see cref="RefStore"/> (branches, tags, resolution),
/// <see cref="CommitStore"/> and <see cref="TreeStore"/> (immutable objects), <see cref="BranchUpdater"/> (the one place
/// a branch moves), <see cref="RepositoryMaintenance"/> (fsck, repair, gc), <see cref="BlobReader"/>,
/// <see cref="FolderCheckout"/>, <see cref="TreeBrowser"/> and <see cref="CommitHistory"/>; commit, merge and revert are
/// here (Repository.Commit.cs), refs in Repository.Refs.cs.
/// </summary>
public sealed partial class Repository
{
    private readonly TreeStore _trees;
    private readonly CommitStore _commits;
    private readonly RefStore _refs;
    private readonly CommitHistory _history;
    private readonly BlobReader _blobs;
    private readonly BranchUpdater _updater;
    private readonly RepositoryMaintenance _maintenance;

    private Repository(IObjectStore store, RepositoryInfo info, RepositoryOptions options)
    {
        Store = store;
        Info = info;
        Options = options;
        _trees = new TreeStore(store);
        _commits = new CommitStore(store, _trees, options);
        _refs = new RefStore(store, _commits, info.DefaultBranch);
        _history = new CommitHistory(_commits);
        _blobs = new BlobReader(store);
        _updater = new BranchUpdater(this, _refs, _commits, _trees);
        _maintenance = new RepositoryMaintenance(store, _refs, options.Time);
    }

    /// <summary>The store the repository lives in.</summary>
    public IObjectStore Store { get; }

    /// <summary>Format and default branch.</summary>
    public RepositoryInfo Info { get; }

    /// <summary>Clock, author and validator.</summary>
    public RepositoryOptions Options { get; }

    /// <summary>Creates a repository with an empty first commit on <paramref name="defaultBranch"/>; returns the existing one if already initialised with the same default branch.</summary>
    public static async Task<(Repository Repository, bool Created)> InitAsync(IObjectStore store, string defaultBranch, RepositoryOptions options, CancellationToken cancellationToken)
    {
        RefNames.Validate(defaultBranch, "branch");
        var info = new RepositoryInfo(RepositoryInfo.CurrentFormat, defaultBranch, options.Time.GetUtcNow());
        var created = await store.PutIfAbsentAsync(StoreLayout.RepositoryInfo, info.ToBytes(), cancellationToken);
        var repository = created ? new Repository(store, info, options) : await OpenAsync(store, options, cancellationToken);
        if (!created && repository.Info.DefaultBranch != defaultBranch)
            throw new InvalidInputException($"The repository at {store.Location} already exists with default branch '{repository.Info.DefaultBranch}', not '{defaultBranch}'.");
        if (await repository.TryGetBranchAsync(defaultBranch, cancellationToken) is null)
        {
            var root = await repository._commits.WriteAsync([], Metarange.Empty, "Repository created", new Dictionary<string, string>(), 1, cancellationToken);
            await repository._refs.TryCreateBranchAtAsync(defaultBranch, root.Id, cancellationToken);
        }

        return (repository, created);
    }

    /// <summary>Opens an existing repository.</summary>
    public static async Task<Repository> OpenAsync(IObjectStore store, RepositoryOptions options, CancellationToken cancellationToken)
    {
        var bytes = await store.TryReadAllAsync(StoreLayout.RepositoryInfo, cancellationToken)
            ?? throw new InvalidInputException($"There is no data repository at {store.Location}. Create one with 'mlops data init', or point --store (or MLOPS_STORE) at an existing one.");
        var info = StoredObjects.Parse(store, StoreLayout.RepositoryInfo, bytes, RepositoryInfo.Parse);
        if (info.Format > RepositoryInfo.CurrentFormat)
            throw new InvalidInputException($"The repository at {store.Location} uses storage format {info.Format}; this mlops understands up to {RepositoryInfo.CurrentFormat}. Upgrade mlops.");
        return new Repository(store, info, options);
    }

    /// <summary>Reads a commit by full id.</summary>
    public Task<Commit> GetCommitAsync(string id, CancellationToken cancellationToken) => _commits.GetAsync(id, cancellationToken);

    /// <summary>The tree of a commit.</summary>
    public Task<Metarange> GetTreeAsync(Commit commit, CancellationToken cancellationToken) => _commits.GetTreeAsync(commit, cancellationToken);

    /// <summary>Commits reachable from <paramref name="reference"/>, newest generation first.</summary>
    public async Task<IReadOnlyList<Commit>> LogAsync(string reference, int max, CancellationToken cancellationToken) =>
        await _history.LogAsync(await ResolveAsync(reference, cancellationToken), max, cancellationToken);

    /// <summary>The best common ancestor of two commits (see <see cref="CommitHistory"/>), or null when they share no history.</summary>
    public Task<Commit?> MergeBaseAsync(Commit left, Commit right, CancellationToken cancellationToken) => _history.MergeBaseAsync(left, right, cancellationToken);

    /// <summary>Entries of a ref under a prefix ("" for all), in path order.</summary>
    public async IAsyncEnumerable<Entry> ListAsync(string reference, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A prefix is a path (or its start): '..' and the like are refused here as everywhere else, not silently empty.
        if (prefix.Trim('/') is { Length: > 0 } trimmed)
            PathRules.Validate(trimmed);
        var tree = await GetTreeAsync(await ResolveAsync(reference, cancellationToken), cancellationToken);
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken))
            yield return entry;
    }

    /// <summary>Entries of a commit's tree under a prefix, in path order.</summary>
    public async IAsyncEnumerable<Entry> ListAsync(Commit commit, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tree = await GetTreeAsync(commit, cancellationToken);
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken))
            yield return entry;
    }

    /// <summary>Entries of a tree (e.g. a merge result not committed yet) under a prefix, in path order.</summary>
    public IAsyncEnumerable<Entry> ListAsync(Metarange tree, string prefix, CancellationToken cancellationToken) =>
        _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken);

    /// <summary>The entry of one path at a commit, or null.</summary>
    public async Task<Entry?> FindAsync(Commit commit, string path, CancellationToken cancellationToken) =>
        await _trees.FindAsync(await GetTreeAsync(commit, cancellationToken), path, cancellationToken);

    /// <summary>The entry of one path in a tree, or null.</summary>
    public Task<Entry?> FindAsync(Metarange tree, string path, CancellationToken cancellationToken) =>
        _trees.FindAsync(tree, path, cancellationToken);

    /// <summary>The entry of one path at a ref; unknown paths are bad input.</summary>
    public async Task<Entry> GetEntryAsync(string reference, string path, CancellationToken cancellationToken)
    {
        PathRules.Validate(path.TrimStart('/'));
        var commit = await ResolveAsync(reference, cancellationToken);
        return await FindAsync(commit, path.TrimStart('/'), cancellationToken)
            ?? throw new InvalidInputException($"There is no file '{path}' at '{reference}' ({commit.Id[..12]}). 'mlops data ls {reference}' lists what is there.");
    }

    /// <summary>
    /// One page of at most <paramref name="max"/> items of <paramref name="folder"/> at a commit, sub-folders collapsed to
    /// one item each, starting after the cursor <paramref name="after"/> (see <see cref="TreeBrowser"/>).
    /// </summary>
    public Task<TreePage> BrowseAsync(Commit commit, string folder, string? after, int max, CancellationToken cancellationToken) =>
        new TreeBrowser(_commits, _trees).BrowseAsync(commit, folder, after, max, cancellationToken);

    /// <summary>
    /// Opens a blob for reading; the stream verifies the content hash and throws <see cref="CorruptionException"/>
    /// at the end of the data if the stored bytes do not match, so corrupt data is never served silently.
    /// </summary>
    public Task<Stream> OpenBlobAsync(Entry entry, CancellationToken cancellationToken) => _blobs.OpenAsync(entry, cancellationToken);

    /// <summary>Copies a blob to a local file through a temporary file, verified, then renamed into place.</summary>
    public Task DownloadAsync(Entry entry, string destination, CancellationToken cancellationToken) => _blobs.DownloadAsync(entry, destination, cancellationToken);

    /// <summary>
    /// Materialises a ref into a folder, like <c>git checkout</c> (see <see cref="FolderCheckout"/>): a tracked file
    /// modified since, or an untracked file in the way, stops it unless <paramref name="force"/>; a corrupt blob fails it
    /// and leaves the folder as it was.
    /// </summary>
    public Task<(Commit Commit, TransferStats Stats)> CheckoutAsync(string reference, string folder, bool force, IProgressSink progress, CancellationToken cancellationToken) =>
        new FolderCheckout(this, _blobs).CheckoutAsync(reference, folder, force, progress, cancellationToken);

    /// <summary>Verifies every object reachable from a branch or tag hashes to its address.</summary>
    public Task<FsckReport> FsckAsync(IProgressSink progress, CancellationToken cancellationToken) => _maintenance.FsckAsync(progress, cancellationToken);

    /// <summary>
    /// Re-writes every missing or corrupt blob whose content is in <paramref name="folder"/> (its files are hashed; only a
    /// file hashing to the blob's address is used), then verifies again. Returns how many blobs were re-written and the
    /// report afterwards.
    /// </summary>
    public Task<(long Repaired, FsckReport After)> RepairAsync(string folder, IProgressSink progress, CancellationToken cancellationToken) =>
        _maintenance.RepairAsync(folder, progress, cancellationToken);

    /// <summary>
    /// Removes blobs, ranges, metaranges and commits no branch or tag reaches whose last write or refresh is older than
    /// <paramref name="grace"/> and older than the oldest in-flight commit (see <see cref="GcCoordination"/>), then temporary
    /// files of killed writers and expired leases. Ages are measured by the store's clock.
    /// </summary>
    public Task<GcReport> GcAsync(TimeSpan grace, CancellationToken cancellationToken) => _maintenance.GcAsync(grace, cancellationToken);

    /// <summary>The key of a blob (see <see cref="StoreLayout.BlobKey"/>).</summary>
    internal static string BlobKey(string hash) => StoreLayout.BlobKey(hash);
}
