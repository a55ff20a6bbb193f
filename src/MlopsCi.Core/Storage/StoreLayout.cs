namespace MlopsCi.Core.Storage;

/// <summary>
/// Where everything lives in a store: every key prefix, in one place. The versioned data (blobs, ranges, metaranges,
/// commits) is content-addressed and collected by gc; refs and leases are small objects changed by compare-and-swap;
/// everything under <see cref="Internal"/> is kept records gc never touches (runs, the registry, pull requests …).
/// </summary>
public static class StoreLayout
{
    /// <summary>The repository's format and default branch.</summary>
    public const string RepositoryInfo = "repository.json";

    /// <summary>File contents, addressed by their SHA-256 (<c>objects/ab/abcd…</c>).</summary>
    public const string Blobs = "objects/";

    /// <summary>Sorted runs of tree entries, addressed by their hash.</summary>
    public const string Ranges = "ranges/";

    /// <summary>Tree roots (lists of ranges), addressed by their hash.</summary>
    public const string Metaranges = "metaranges/";

    /// <summary>Commits, addressed by their hash.</summary>
    public const string Commits = "commits/";

    /// <summary>Branch refs (moved by compare-and-swap).</summary>
    public const string Branches = "refs/branches/";

    /// <summary>Tags (created once, never moved).</summary>
    public const string Tags = "refs/tags/";

    /// <summary>Commit leases and the gc announcement (see <c>GcCoordination</c>).</summary>
    public const string Leases = "leases/";

    /// <summary>The lease one in-flight commit holds.</summary>
    public const string CommitLeases = Leases + "commit-";

    /// <summary>The announcement of the running (or last) gc, with its heartbeat.</summary>
    public const string GcState = Leases + "gc";

    /// <summary>Temporary files of writers in flight (local folder store only; never listed).</summary>
    public const string Temporary = "tmp/";

    /// <summary>Records kept beside the data; gc never collects them.</summary>
    public const string Internal = "_mlops/";

    /// <summary>Training runs (<c>&lt;run-id&gt;.json</c> and <c>&lt;run-id&gt;.training-rows</c>).</summary>
    public const string Runs = Internal + "runs/";

    /// <summary>The model registry: versions, aliases and the index per model.</summary>
    public const string Models = Internal + "models/";

    /// <summary>Model files, addressed by their hash.</summary>
    public const string Artifacts = Internal + "artifacts/";

    /// <summary>Hook runs per branch.</summary>
    public const string HookRuns = Internal + "hook-runs/";

    /// <summary>Pull-request records (<c>&lt;number&gt;/&lt;model&gt;.json</c>).</summary>
    public const string PullRequests = Internal + "pulls/";

    /// <summary>Specs recorded at promotion (<c>&lt;model&gt;/&lt;version&gt;.json</c>).</summary>
    public const string PromotedSpecs = Internal + "specs/";

    /// <summary>Monitoring history per model.</summary>
    public const string Monitoring = Internal + "monitoring/";

    /// <summary>Objects an adapter writes to probe what the server supports (harmless when left over).</summary>
    public const string Probes = Internal + "probe/";

    /// <summary>The prefixes gc collects from: content-addressed objects no ref reaches.</summary>
    public static IReadOnlyList<string> Collected { get; } = [Blobs, Ranges, Metaranges, Commits];

    /// <summary>Every prefix above.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        [Blobs, Ranges, Metaranges, Commits, Branches, Tags, Leases, Temporary, Runs, Models, Artifacts, HookRuns, PullRequests, PromotedSpecs, Monitoring, Probes];

    /// <summary>The key of a blob: fanned out by the hash's first two digits so no folder grows too large.</summary>
    public static string BlobKey(string hash) => $"{Blobs}{hash[..2]}/{hash}";

    /// <summary>The key of a range.</summary>
    public static string RangeKey(string id) => Ranges + id;

    /// <summary>The key of a metarange.</summary>
    public static string MetarangeKey(string id) => Metaranges + id;

    /// <summary>The key of a commit.</summary>
    public static string CommitKey(string id) => Commits + id;

    /// <summary>The key of a branch ref.</summary>
    public static string BranchKey(string name) => Branches + name;

    /// <summary>The key of a tag.</summary>
    public static string TagKey(string name) => Tags + name;
}
