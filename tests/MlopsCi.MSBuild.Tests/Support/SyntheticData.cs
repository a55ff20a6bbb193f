using System.Globalization;
using System.Text;

namespace MlopsCi.MSBuild.Tests.Support;

/// <summary>A small binary data set with a clear signal, so a linear trainer learns it in a second.</summary>
internal static class SyntheticData
{
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
