using System.Text.RegularExpressions;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// A store location parsed once: a local folder (<c>file:///abs</c>, <c>file://relative</c>, a plain path, resolved
/// against the working directory) or an S3 store (<c>s3://bucket/prefix</c>, which the S3 adapter validates).
/// </summary>
internal sealed partial record StoreLocation(string? LocalPath, string? S3Uri)
{
    public static StoreLocation Parse(string uri, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            return new StoreLocation(Path.GetFullPath(uri["file://".Length..], workingDirectory), null);
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            return new StoreLocation(null, uri);
        var scheme = SchemeOf().Match(uri);
        if (scheme.Success && scheme.Groups[1].Value.Length > 1)
            throw new InvalidInputException($"Unknown store scheme '{scheme.Groups[1].Value}' in '{UriRedaction.Redact(uri)}'. Use file:///path, a folder path, or s3://bucket/prefix.");
        return new StoreLocation(Path.GetFullPath(uri, workingDirectory), null);
    }

    // One letter before ':' is a Windows drive, not a scheme.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemeOf();
}
