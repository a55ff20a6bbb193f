using System.Text.RegularExpressions;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Chooses and opens the store: <c>--store</c>, else <c>MLOPS_STORE</c>, else <c>store:</c> in ./mlops.yml, else
/// <c>file://.mlops/store</c>. <c>file:///abs</c>, <c>file://relative</c>, plain paths and <c>s3://bucket/prefix</c> work.
/// </summary>
internal static partial class StoreLocator
{
    public const string DefaultStore = "file://.mlops/store";

    /// <summary>Opens an S3 store; set by the composition root when the S3 adapter is present.</summary>
    public static Func<Uri, StoreRequest, CancellationToken, Task<IObjectStore>>? OpenS3 { get; set; }

    public static string Resolve(string? option, Func<string, string?> environment, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return option;
        if (environment("MLOPS_STORE") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        var spec = Path.Combine(workingDirectory, "mlops.yml");
        if (File.Exists(spec))
        {
            foreach (var line in File.ReadLines(spec))
            {
                var match = StoreLine().Match(line);
                if (match.Success)
                    return match.Groups[1].Value.Trim().Trim('"', '\'');
            }
        }

        return DefaultStore;
    }

    public static async Task<IObjectStore> OpenAsync(string uri, StoreRequest request, CancellationToken cancellationToken)
    {
        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            return Local(Path.GetFullPath(uri["file://".Length..], request.WorkingDirectory), request);
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var open = OpenS3 ?? throw new InvalidInputException("This build of mlops has no S3 support.");
            return await open(new Uri(uri), request, cancellationToken);
        }

        var scheme = SchemeOf().Match(uri);
        if (scheme.Success && scheme.Groups[1].Value.Length > 1)
            throw new InvalidInputException($"Unknown store scheme '{scheme.Groups[1].Value}' in '{UriRedaction.Redact(uri)}'. Use file:///path, a folder path, or s3://bucket/prefix.");
        return Local(Path.GetFullPath(uri, request.WorkingDirectory), request);
    }

    private static LocalFolderStore Local(string root, StoreRequest request)
    {
        if (request.Environment("MLOPS_LOCK_TIMEOUT")?.Trim() is not { Length: > 0 } text)
            return new LocalFolderStore(root, Durable(request)) { OnLockWait = request.Notice };
        if (!double.TryParse(text.TrimEnd('s'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new InvalidInputException($"MLOPS_LOCK_TIMEOUT is '{text}', not a positive number of seconds (e.g. 60 or 60s).");
        return new LocalFolderStore(root, Durable(request)) { OnLockWait = request.Notice, LockTimeout = TimeSpan.FromSeconds(seconds) };
    }

    /// <summary>MLOPS_FSYNC=0 turns flushing to disk off, to measure what it costs (never for real data).</summary>
    private static bool Durable(StoreRequest request) => request.Environment("MLOPS_FSYNC") != "0";

    [GeneratedRegex(@"^store:\s*(\S.*?)\s*(#.*)?$")]
    private static partial Regex StoreLine();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemeOf();
}

/// <summary>What opening a store may need besides its URI; <paramref name="Notice"/> receives progress lines (retries of a slow server).</summary>
internal sealed record StoreRequest(string WorkingDirectory, Func<string, string?> Environment, string? S3Endpoint, bool CreateBucket, Action<string>? Notice = null);
