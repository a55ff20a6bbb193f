using System.Globalization;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Ages as people write them (30d, 12h, 2w), for freshness rules.</summary>
internal static class Periods
{
    public static string Format(TimeSpan period) => period switch
    {
        { TotalDays: >= 1 } when period.TotalDays % 7 == 0 => Number(period.TotalDays / 7) + "w",
        { TotalDays: >= 1 } => Number(period.TotalDays) + "d",
        { TotalHours: >= 1 } => Number(period.TotalHours) + "h",
        { TotalMinutes: >= 1 } => Number(period.TotalMinutes) + "m",
        _ => Number(period.TotalSeconds) + "s",
    };

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
