using System.Globalization;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>range</c>: a value that is not a number, or NaN, or outside [min, max] offends.</summary>
internal sealed class RangeCheck(RangeRule rule, string file, int maxSamples) : ColumnCheck(file, maxSamples, rule.Columns, rule.Describe())
{
    private readonly double _min = rule.Min ?? double.NegativeInfinity;
    private readonly double _max = rule.Max ?? double.PositiveInfinity;

    protected override bool Accepts(ReadOnlySpan<char> value, TableRow row) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= _min && number <= _max;
}
