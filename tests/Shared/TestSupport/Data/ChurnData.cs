using System.Globalization;
using System.Text;

namespace MlopsCi.PullRequests.Tests;

/// <summary>Small generated customer data (binary churn label), deterministic per seed, so end-to-end training takes seconds.</summary>
public static class ChurnData
{
    public const string Header = "tenure,monthly,plan,support_calls,churned";

    /// <summary><paramref name="rows"/> rows drawn with <paramref name="seed"/>, with a header.</summary>
    public static string Csv(int seed, int rows) => Header + "\n" + Rows(seed, rows);

    /// <summary>Rows without a header (to append a newer period).</summary>
    public static string Rows(int seed, int rows)
    {
        var random = new Random(seed);
        string[] plans = ["basic", "pro", "team"];
        var csv = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var tenure = random.Next(1, 72);
            var monthly = Math.Round(20 + (random.NextDouble() * 80), 2);
            var plan = plans[random.Next(plans.Length)];
            var calls = random.Next(0, 8);
            var score = -1.2 - (0.04 * tenure) + (0.03 * monthly) + (0.45 * calls) + (plan == "basic" ? 0.8 : 0) + ((random.NextDouble() - 0.5) * 1.5);
            csv.Append(CultureInfo.InvariantCulture, $"{tenure},{monthly.ToString(CultureInfo.InvariantCulture)},{plan},{calls},{(score > 0 ? "true" : "false")}\n");
        }

        return csv.ToString();
    }
}
