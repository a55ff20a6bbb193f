using System.Globalization;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>compare</c>: two cells of a row, compared as numbers when both are numbers, as instants when both are dates or
/// times, else as ordinal text. Rows with either cell null are not checked (as SQL compares nothing with null).
/// </summary>
internal sealed class CompareCheck(CompareRule rule, string file, int maxSamples) : TableCheck(file, maxSamples)
{
    private readonly Offenders _offenders = new(maxSamples);
    private int _left = -1;
    private int _right = -1;
    private long _checked;

    public override void Start(IReadOnlyList<string> header)
    {
        var indexes = Resolve(header, [rule.Left, rule.Right]);
        (_left, _right) = (indexes[0], indexes[1]);
    }

    public override void Observe(TableRow row)
    {
        if (_left < 0 || _right < 0 || row.IsNull(_left) || row.IsNull(_right))
            return;
        _checked++;
        if (!Holds(Order(row[_left], row[_right])))
            _offenders.Add(row, $"{rule.Left} = {row[_left]}, {rule.Right} = {row[_right]}");
    }

    public override void Finish(long rows) =>
        Report($"{rule.Left}, {rule.Right}", rule.Describe(), _offenders, _checked, $"{Rows(_offenders.Count)} break{(_offenders.Count == 1 ? "s" : "")} {rule.Describe()}");

    private static int Order(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            return a.CompareTo(b);
        if (DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y))
            return x.CompareTo(y);
        return left.SequenceCompareTo(right);
    }

    private bool Holds(int order) => rule.Operator switch
    {
        "<" => order < 0,
        "<=" => order <= 0,
        ">" => order > 0,
        ">=" => order >= 0,
        "==" => order == 0,
        _ => order != 0,
    };
}
