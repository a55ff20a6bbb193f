using System.Globalization;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Timeouts and attempts from the environment (<c>MLOPS_S3_CONNECT_TIMEOUT</c>, <c>MLOPS_S3_REQUEST_TIMEOUT</c>,
/// <c>MLOPS_S3_MAX_ATTEMPTS</c>), so every entry point (CLI, action, MSBuild) can bound a slow server the same way.
/// Durations are seconds (<c>30</c>, <c>30s</c>), milliseconds (<c>500ms</c>) or minutes (<c>2m</c>).
/// </summary>
internal static class S3EnvironmentLimits
{
    public static S3StoreOptions Apply(S3StoreOptions options, Func<string, string?> environment) => options with
    {
        ConnectTimeout = Duration(environment, "MLOPS_S3_CONNECT_TIMEOUT") ?? options.ConnectTimeout,
        RequestTimeout = Duration(environment, "MLOPS_S3_REQUEST_TIMEOUT") ?? options.RequestTimeout,
        MaxAttempts = Attempts(environment) ?? options.MaxAttempts,
    };

    private static TimeSpan? Duration(Func<string, string?> environment, string name)
    {
        if (environment(name)?.Trim() is not { Length: > 0 } text)
            return null;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new InvalidInputException($"{name} is '{text}', not a positive duration. Give seconds (30, 30s), milliseconds (500ms) or minutes (2m).");
    }

    private static int? Attempts(Func<string, string?> environment) =>
        environment("MLOPS_S3_MAX_ATTEMPTS")?.Trim() is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100 ? value
        : throw new InvalidInputException($"MLOPS_S3_MAX_ATTEMPTS is '{text}', not a whole number from 1 to 100.");
}
