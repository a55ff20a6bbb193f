using System.Globalization;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>The numbers of one column of one file: count and sum for the mean, every value when a quantile is asked for.</summary>
internal sealed class NumberSample(bool keepValues)
{
    private readonly List<double> _values = [];
    private double _sum;

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<char> value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return;
        Count++;
        _sum += number;
        if (keepValues)
            _values.Add(number);
    }

    /// <summary>The mean, or with <paramref name="quantile"/> the quantile by linear interpolation between order statistics (numpy's default).</summary>
    public double Value(double? quantile)
    {
        if (quantile is not { } q)
            return _sum / Count;
        _values.Sort();
        var position = q * (_values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, _values.Count - 1);
        return _values[below] + ((position - below) * (_values[above] - _values[below]));
    }
}
