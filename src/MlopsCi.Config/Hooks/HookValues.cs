using System.Globalization;
using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks.Rules;
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

    /// <summary><c>mostly</c>: the share of rows that must pass, a fraction in (0, 1] or a percentage (99%); null when absent.</summary>
    public static double? Mostly(YamlSection section) =>
        section.String("mostly") is { } text ? Fraction(section, "mostly", text, allowZero: false) : null;

    /// <summary>A fraction from "0.99" or "99%", in [0, 1] (or (0, 1] without <paramref name="allowZero"/>).</summary>
    public static double Fraction(YamlSection section, string key, string text, bool allowZero)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var value = double.TryParse(trimmed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number / (percent ? 100 : 1) : double.NaN;
        return value <= 1 && (allowZero ? value >= 0 : value > 0)
            ? value
            : throw section.Error(key, $"'{section.Child(key)}' must be a fraction {(allowZero ? "from 0" : "above 0")} to 1 or a percentage (99%), not '{text}'");
    }

    /// <summary>
    /// A change limit: "±20%" (or "+-20%", "20%") relative to the destination's value, "±2.5" absolute. Null when absent.
    /// </summary>
    public static ChangeLimit? Change(YamlSection section, string key = "change")
    {
        if (section.String(key) is not { } text)
            return null;
        var match = ChangePattern().Match(text.Trim());
        if (!match.Success)
            throw section.Error(key, $"'{section.Child(key)}' must be a change like ±20% (relative to the destination) or ±2.5 (absolute), not '{text}'");
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var relative = match.Groups[2].Success;
        return new ChangeLimit(relative ? number / 100 : number, relative);
    }

    /// <summary>A period from "30d", "12h", "2w", "90m", "45s" or ISO 8601 ("P1D", "PT6H"); required.</summary>
    public static TimeSpan Period(YamlSection section, string key)
    {
        var text = section.String(key) ?? throw section.Error(section.Node, $"'{section.Child(key)}' is required (e.g. {key}: 2d)");
        var trimmed = text.Trim();
        TimeSpan? period = null;
        if (PeriodPattern().Match(trimmed) is { Success: true } match)
        {
            var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            period = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "s" => TimeSpan.FromSeconds(number),
                "m" or "min" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                "d" => TimeSpan.FromDays(number),
                _ => TimeSpan.FromDays(number * 7),
            };
        }
        else if (trimmed.StartsWith('P'))
        {
            try
            {
                period = System.Xml.XmlConvert.ToTimeSpan(trimmed);
            }
            catch (FormatException)
            {
            }
        }

        return period is { } value && value > TimeSpan.Zero
            ? value
            : throw section.Error(key, $"'{section.Child(key)}' must be a period like 30d, 12h, 2w or P1D, not '{text}'");
    }

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

    [GeneratedRegex(@"^(?:±|\+-|\+/-)?\s*(\d+(?:\.\d+)?)\s*(%)?$")]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|[KMGT]i?B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
