namespace MlopsCi.Core.Drift.Statistics;

/// <summary>
/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x): a power series below x = a + 1 and a
/// continued fraction (modified Lentz) above it, each converging fast on its side; ln Γ by Lanczos (g = 7, n = 9).
/// Accurate to about 1e-14 relative.
/// </summary>
internal static class IncompleteGamma
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 100_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
            sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The lower regularized incomplete gamma function P(a, x) = γ(a, x) / Γ(a).</summary>
    public static double Lower(double a, double x)
    {
        Check(a, x);
        if (x == 0)
            return 0;
        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>The upper regularized incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x).</summary>
    public static double Upper(double a, double x)
    {
        Check(a, x);
        if (x == 0)
            return 1;
        return x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);
    }

    private static void Check(double a, double x)
    {
        if (!(a > 0) || double.IsInfinity(a))
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape must be a positive finite number.");
        if (!(x >= 0))
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be zero or positive.");
    }

    private static double Prefactor(double a, double x) => Math.Exp((a * Math.Log(x)) - x - LogGamma(a));

    private static double Series(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                break;
        }

        return Math.Min(1, sum * Prefactor(a, x));
    }

    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
                break;
        }

        return Math.Min(1, Prefactor(a, x) * h);
    }
}
