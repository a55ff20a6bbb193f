using System.Globalization;
using System.Text;

namespace MlopsCi.Training.Tests.Support;

/// <summary>Small generated data sets with a known signal.</summary>
public static class SyntheticData
{
    /// <summary>Binary: <c>label = yes</c> when x1 + 0.5·x2 (+ noise) &gt; 0; a categorical column with a weak effect; x3 is pure noise.</summary>
    public static string Binary(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("x1,x2,x3,color,label\n");
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var (x1, x2, x3) = (Normal(random), Normal(random), Normal(random));
            var color = colors[random.Next(3)];
            var signal = x1 + (0.5 * x2) + (color == "red" ? 0.3 : 0) + (0.3 * Normal(random));
            csv.Append(CultureInfo.InvariantCulture, $"{x1:0.####},{x2:0.####},{x3:0.####},{color},{(signal > 0 ? "yes" : "no")}\n");
        }

        return csv.ToString();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
