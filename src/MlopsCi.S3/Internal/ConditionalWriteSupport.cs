namespace MlopsCi.S3.Internal;

/// <summary>What the conditional-write probe found out about a server.</summary>
/// <param name="QuoteIfMatch">Send If-Match with a quoted ETag (AWS style); Ceph RGW wants it unquoted.</param>
/// <param name="ConditionalDelete">The server honours If-Match on DELETE.</param>
internal sealed record ConditionalWriteSupport(bool QuoteIfMatch, bool ConditionalDelete)
{
    /// <summary>Before the probe ran (only during opening).</summary>
    public static ConditionalWriteSupport Unknown { get; } = new(false, false);
}
