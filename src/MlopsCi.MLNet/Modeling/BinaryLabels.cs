using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Which of a binary label's two values is the positive class: 1 of {0, 1}, true of {true, false}, yes of {yes, no},
/// else the second in ordinal order.
/// </summary>
internal static class BinaryLabels
{
    public static (string Negative, string Positive) Order(IReadOnlyCollection<string> values)
    {
        var sorted = values.Order(StringComparer.Ordinal).ToArray();
        if (sorted.All(v => Values.Number(v) is not null))
            sorted = [.. sorted.OrderBy(v => Values.Number(v))];
        var positive = sorted.FirstOrDefault(v => v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase)) ?? sorted[^1];
        return (sorted.First(v => v != positive), positive);
    }

    /// <summary>Whether a raw label value means the positive class.</summary>
    public static bool IsPositive(string value, string positive)
    {
        var trimmed = value.Trim();
        if (Values.Number(trimmed) is { } number && Values.Number(positive) is { } positiveNumber)
            return number == positiveNumber;
        return trimmed.Equals(positive, StringComparison.OrdinalIgnoreCase);
    }
}
