using System.Globalization;

namespace MlopsCi.Core.Drift;

/// <summary>Number formatting for drift and monitoring text: invariant, short, p-values in scientific notation when tiny.</summary>
internal static class Format
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string PValue(double value) =>
        value == 0 ? "< 1e-300" : value < 1e-4 ? value.ToString("0.0e0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
