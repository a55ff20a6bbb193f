namespace MlopsCi.Core.Versioning;

/// <summary>How a path differs between two trees.</summary>
public enum DiffKind
{
    /// <summary>Only on the right.</summary>
    Added,

    /// <summary>On both sides with different content.</summary>
    Modified,

    /// <summary>Only on the left.</summary>
    Deleted,
}

/// <summary>One line of a diff: <c>A path</c>, <c>M path</c> or <c>D path</c>.</summary>
public sealed record DiffEntry(DiffKind Kind, string Path, Entry? Left, Entry? Right)
{
    /// <summary>The one-letter code used by <c>mlops data diff</c>.</summary>
    public char Code => Kind switch { DiffKind.Added => 'A', DiffKind.Modified => 'M', _ => 'D' };

    /// <summary>The change that turns the left side into the right side for this path.</summary>
    public Change ToChange() => new(Path, Right);
}
