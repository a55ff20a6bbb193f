using System.Globalization;

namespace MlopsCi.Core.Specs;

/// <summary>
/// A tolerated change: relative to the baseline ("2%" → 0.02 of the baseline's magnitude) or absolute (a plain number
/// in the metric's own unit).
/// </summary>
public sealed record Limit(double Value, bool Relative)
{
    /// <summary>Parses "2%" or "0.05"; null when the text is neither.</summary>
    public static Limit? TryParse(string text)
    {
        var trimmed = text.Trim();
        var relative = trimmed.EndsWith('%');
        var number = relative ? trimmed[..^1].Trim() : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            return null;
        return new Limit(relative ? value / 100 : value, relative);
    }

    /// <summary>The largest worsening allowed from <paramref name="baseline"/>, in the metric's unit.</summary>
    public double Allowed(double baseline) => Relative ? Value * Math.Abs(baseline) : Value;

    /// <summary>"2%" or "0.05".</summary>
    public override string ToString() =>
        Relative ? (Value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%" : Value.ToString("0.######", CultureInfo.InvariantCulture);
}
