using System.Globalization;

namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// How far a value may move from the destination's value: <c>±20%</c> (relative, <see cref="Relative"/>) or <c>±2.5</c>
/// (absolute, in the value's unit).
/// </summary>
public sealed record ChangeLimit(double Amount, bool Relative)
{
    /// <summary>Whether <paramref name="current"/> is within the limit of <paramref name="baseline"/>.</summary>
    public bool Allows(double baseline, double current) => Relative
        ? baseline == 0 ? current == 0 : Math.Abs(current - baseline) / Math.Abs(baseline) <= Amount + 1e-12
        : Math.Abs(current - baseline) <= Amount + 1e-12;

    /// <summary>The change from <paramref name="baseline"/> to <paramref name="current"/> in the limit's terms ("+31.2%", "-4").</summary>
    public string Change(double baseline, double current) => Relative
        ? baseline == 0 ? (current == 0 ? "0%" : "from 0") : Signed((current - baseline) / Math.Abs(baseline) * 100) + "%"
        : Signed(current - baseline);

    /// <inheritdoc />
    public override string ToString() => "±" + (Relative ? Number(Amount * 100) + "%" : Number(Amount));

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("0.##", CultureInfo.InvariantCulture);
}
