using System.Globalization;
using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace MlopsCi.Config.Hooks;

/// <summary>Values hook properties share: one-or-many strings, column lists, booleans, sizes and durations.</summary>
internal static partial class HookValues
{
    /// <summary>A key that holds one string or a list of strings.</summary>
    public static IReadOnlyList<string> Strings(YamlSection section, string key) =>
        section.Get(key) is YamlScalarNode ? [section.String(key)!] : section.List(key);

    /// <summary>The <c>files</c> globs (empty: the rule's default files).</summary>
    public static IReadOnlyList<string> Files(YamlSection section)
    {
        var files = Strings(section, "files");
        return files.Any(f => f.Trim().Length == 0) ? throw section.Error("files", $"'{section.Child("files")}' has an empty pattern") : files;
    }

    /// <summary><c>column: x</c> or <c>columns: [x, y]</c>, exactly one of them, not empty.</summary>
    public static IReadOnlyList<string> Columns(YamlSection section)
    {
        if (section.Has("column") && section.Has("columns"))
            throw section.Error("columns", $"give either '{section.Child("column")}' or '{section.Child("columns")}', not both");
        var columns = section.Has("column") ? [section.String("column")!] : Strings(section, "columns");
        if (columns.Count == 0)
            throw section.Error(section.Node, $"'{section.Child("columns")}' is required (e.g. columns: [fare_amount])");
        return columns.Any(c => c.Length == 0) ? throw section.Error("columns", "a column name is empty") : columns;
    }

    public static bool Bool(YamlSection section, string key) => section.String(key) switch
    {
        null or "false" or "False" or "no" => false,
        "true" or "True" or "yes" => true,
        var other => throw section.Error(key, $"'{section.Child(key)}' must be true or false, not '{other}'"),
    };

    /// <summary>Bytes from "10MB", "1.5 GiB", "512" (bytes); KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024.</summary>
    public static long Size(YamlSection section, string key)
    {
        var text = section.String(key) ?? throw section.Error(section.Node, $"'{section.Child(key)}' is required (e.g. {key}: 100MB)");
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
            throw section.Error(key, $"'{section.Child(key)}' must be a size like 100MB, 1.5GiB or 1048576, not '{text}'");
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value.ToUpperInvariant();
        var scale = unit.Length == 0 || unit == "B" ? 1
            : Math.Pow(unit.Contains('I', StringComparison.Ordinal) ? 1024 : 1000, "KMGT".IndexOf(unit[0], StringComparison.Ordinal) + 1);
        return (long)(number * scale);
    }

    /// <summary>A time limit from "30s", "2m", "500ms", "1h" or a number of seconds.</summary>
    public static TimeSpan? Duration(YamlSection section, string key)
    {
        if (section.String(key) is not { } text)
            return null;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
            throw section.Error(key, $"'{section.Child(key)}' must be a duration like 30s, 2m or 500ms, not '{text}'");
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var time = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "m" or "min" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromSeconds(number),
        };
        return time > TimeSpan.Zero && time <= TimeSpan.FromHours(6)
            ? time
            : throw section.Error(key, $"'{section.Child(key)}' must be more than 0 and at most 6h, not '{text}'");
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|[KMGT]i?B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
