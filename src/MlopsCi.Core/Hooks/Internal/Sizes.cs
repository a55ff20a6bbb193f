using System.Globalization;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Byte sizes and durations as people write them (10 MB, 30s).</summary>
internal static class Sizes
{
    private static readonly (string Unit, double Bytes)[] Units = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)];

    public static string Format(long bytes)
    {
        foreach (var (unit, size) in Units)
        {
            if (bytes >= size)
                return (bytes / size).ToString("0.##", CultureInfo.InvariantCulture) + " " + unit;
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }

    public static string Format(TimeSpan time) => time.TotalSeconds < 60
        ? time.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s"
        : time.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + "m";
}
