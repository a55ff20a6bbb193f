namespace MlopsCi.Core.Hooks.Tables;

/// <summary>Numbers written with a decimal comma (<c>3,14</c>, <c>-1,5e3</c>), rewritten with a point in place.</summary>
internal static class DecimalNumbers
{
    /// <summary>
    /// Replaces the decimal mark of <paramref name="value"/> by a point when the value (blanks around it allowed) is a
    /// number: an optional sign, digits, the mark and digits, an optional exponent. Anything else is left as it is.
    /// </summary>
    public static void PointFor(Span<char> value, char mark)
    {
        var at = value.IndexOf(mark);
        if (at < 0 || !IsNumber(value.Trim(' '), mark))
            return;
        value[at] = '.';
    }

    private static bool IsNumber(ReadOnlySpan<char> text, char mark)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
            i++;
        var digits = Digits(text, ref i);
        if (digits == 0 || i >= text.Length || text[i] != mark)
            return false;
        i++;
        if (Digits(text, ref i) == 0)
            return false;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
                i++;
            if (Digits(text, ref i) == 0)
                return false;
        }

        return i == text.Length;
    }

    private static int Digits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        return i - start;
    }
}
