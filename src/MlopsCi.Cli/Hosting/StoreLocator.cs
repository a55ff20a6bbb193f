using MlopsCi.Config.Specs;
using MlopsCi.Core.Storage;
using MlopsCi.LocalStore;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Chooses the store: <c>--store</c>, else <c>MLOPS_STORE</c>, else <c>store:</c> in ./mlops.yml, else
/// <c>file://.mlops/store</c>; <see cref="StoreLocation"/> parses it once, <see cref="Composition"/> opens it.
/// </summary>
internal static class StoreLocator
{
    public const string DefaultStore = "file://.mlops/store";

    public static string Resolve(string? option, Func<string, string?> environment, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return option;
        if (environment("MLOPS_STORE") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        var spec = Path.Combine(workingDirectory, "mlops.yml");
        return File.Exists(spec) && FromSpec(File.ReadAllText(spec)) is { Length: > 0 } fromSpec ? fromSpec : DefaultStore;
    }

    // A spec being edited may be invalid YAML elsewhere; commands that need only the store still run then (runs list,
    // data log), so a top-level 'store:' line is still honoured — never the default while a store is named.
    private static string? FromSpec(string yaml)
    {
        try
        {
            return MlopsSpecParser.ReadStore(yaml);
        }
        catch (Core.Errors.InvalidInputException)
        {
            var line = yaml.Split('\n').FirstOrDefault(l => l.StartsWith("store:", StringComparison.Ordinal));
            if (line is null)
                return null;
            var value = line["store:".Length..];
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            return (comment < 0 ? value : value[..comment]).Trim().Trim('"', '\'');
        }
    }

    /// <summary>The local-folder store at <paramref name="root"/>, with the lock timeout and durability the environment sets.</summary>
    public static LocalFolderStore Local(string root, StoreRequest request)
    {
        if (request.Environment("MLOPS_LOCK_TIMEOUT")?.Trim() is not { Length: > 0 } text)
            return new LocalFolderStore(root, Durable(request)) { OnLockWait = request.Notice };
        if (!double.TryParse(text.TrimEnd('s'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new Core.Errors.InvalidInputException($"MLOPS_LOCK_TIMEOUT is '{text}', not a positive number of seconds (e.g. 60 or 60s).");
        return new LocalFolderStore(root, Durable(request)) { OnLockWait = request.Notice, LockTimeout = TimeSpan.FromSeconds(seconds) };
    }

    /// <summary>MLOPS_FSYNC=0 turns flushing to disk off, to measure what it costs (never for real data).</summary>
    private static bool Durable(StoreRequest request) => request.Environment("MLOPS_FSYNC") != "0";
}

/// <summary>What opening a store may need besides its URI; <paramref name="Notice"/> receives progress lines (retries of a slow server).</summary>
internal sealed record StoreRequest(string WorkingDirectory, Func<string, string?> Environment, string? S3Endpoint, bool CreateBucket, Action<string>? Notice = null);
