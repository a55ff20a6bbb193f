namespace MlopsCi.Core.Versioning;

/// <summary>Receives progress of long operations (commit, checkout, fsck). Implementations must be thread-safe.</summary>
public interface IProgressSink
{
    /// <summary>Reports that <paramref name="done"/> of <paramref name="total"/> items of <paramref name="stage"/> are finished.</summary>
    void Report(string stage, long done, long total);
}

/// <summary>A sink that ignores everything.</summary>
public sealed class NoProgress : IProgressSink
{
    /// <summary>The shared instance.</summary>
    public static NoProgress Instance { get; } = new();

    /// <inheritdoc />
    public void Report(string stage, long done, long total)
    {
    }
}
