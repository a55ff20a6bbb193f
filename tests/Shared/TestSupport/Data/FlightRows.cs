using System.Globalization;
using System.Text.Json;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Testing;

/// <summary>The 20,000 flights of vega-datasets (flights-20k.json) as text rows: date, delay, distance, origin, destination.</summary>
public static class FlightRows
{
    public static List<string[]> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(TestData.PackageFile("flights-20k.json")));
        return [.. json.RootElement.EnumerateArray().Select(f => new[]
        {
            f.GetProperty("date").GetString()!, f.GetProperty("delay").GetInt32().ToString(CultureInfo.InvariantCulture),
            f.GetProperty("distance").GetInt32().ToString(CultureInfo.InvariantCulture), f.GetProperty("origin").GetString()!, f.GetProperty("destination").GetString()!,
        })];
    }
}
