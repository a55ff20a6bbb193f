namespace MlopsCi.Core.Versioning;

/// <summary>A staged change to a tree: <see cref="Entry"/> null means the path is deleted.</summary>
public sealed record Change(string Path, Entry? Entry)
{
    /// <summary>An upsert of <paramref name="entry"/>.</summary>
    public static Change Put(Entry entry) => new(entry.Path, entry);

    /// <summary>A deletion of <paramref name="path"/>.</summary>
    public static Change Delete(string path) => new(path, null);
}
