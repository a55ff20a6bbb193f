using System.Globalization;
using MlopsCi.Web.Pages;

namespace MlopsCi.Web.Charts;

/// <summary>Charts drawn on the server as inline SVG: no script and nothing fetched to read them.</summary>
internal static class Svg
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 60;
    private const int Right = 20;
    private const int Top = 20;
    private const int Bottom = 40;

    /// <summary>A point of a line chart: where, the value, the reference it was checked against, and how it was judged.</summary>
    public sealed record Point(DateTimeOffset Time, double Value, double? Reference, string Outcome, string Label);

    /// <summary>Metric (solid) and reference (dashed) over time; each point coloured by its outcome and titled with its reason.</summary>
    public static string Timeline(string metric, IReadOnlyList<Point> points)
    {
        if (points.Count == 0)
            return "";
        var values = points.Select(p => p.Value).Concat(points.Where(p => p.Reference is not null).Select(p => p.Reference!.Value)).Where(double.IsFinite).ToList();
        var (low, high) = values.Count == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (high - low < 1e-9)
            (low, high) = (low - 0.5, high + 0.5);
        var pad = (high - low) * 0.1;
        (low, high) = (low - pad, high + pad);
        var (t0, t1) = (points[0].Time.UtcTicks, points[^1].Time.UtcTicks);
        double X(int i, DateTimeOffset t) => t1 == t0 ? Left + ((Width - Left - Right) * (points.Count == 1 ? 0.5 : i / (double)(points.Count - 1))) : Left + ((Width - Left - Right) * (t.UtcTicks - t0) / (double)(t1 - t0));
        double Y(double v) => Top + ((Height - Top - Bottom) * (high - v) / (high - low));
        var h = new Html();
        h.Raw($"<svg id=\"monitoring-chart\" role=\"img\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        h.Raw("<title>").Text($"{metric} against its reference over time").Raw("</title>");
        Axes(h, low, high, Y);
        h.Raw($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">").Text(Html.Time(points[0].Time)).Raw("</text>");
        h.Raw($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">").Text(Html.Time(points[^1].Time)).Raw("</text>");
        var references = points.Select((p, i) => (p, i)).Where(x => x.p.Reference is { } r && double.IsFinite(r)).ToList();
        if (references.Count > 0)
            h.Raw($"<polyline fill=\"none\" stroke=\"#8c959f\" stroke-dasharray=\"5 4\" stroke-width=\"2\" points=\"{string.Join(' ', references.Select(x => F(X(x.i, x.p.Time)) + "," + F(Y(x.p.Reference!.Value))))}\"/>");
        var finite = points.Select((p, i) => (p, i)).Where(x => double.IsFinite(x.p.Value)).ToList();
        h.Raw($"<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"{string.Join(' ', finite.Select(x => F(X(x.i, x.p.Time)) + "," + F(Y(x.p.Value))))}\"/>");
        foreach (var (p, i) in finite)
        {
            h.Raw($"<circle cx=\"{F(X(i, p.Time))}\" cy=\"{F(Y(p.Value))}\" r=\"5\" fill=\"{Colour(p.Outcome)}\"><title>").Text(p.Label).Raw("</title></circle>");
        }

        h.Raw($"<text x=\"{Left + 8}\" y=\"{Top + 12}\" font-size=\"12\" fill=\"#0969da\">").Text(metric).Raw("</text>");
        h.Raw($"<text x=\"{Left + 8}\" y=\"{Top + 28}\" font-size=\"12\" fill=\"#8c959f\">reference (dashed)</text>");
        return h.Raw("</svg>").ToString();
    }

    /// <summary>Horizontal bars (feature importance, per-class recall), longest first as given.</summary>
    public static string Bars(string id, IReadOnlyList<(string Label, double Value)> bars)
    {
        if (bars.Count == 0)
            return "";
        const int row = 22;
        const int labelWidth = 180;
        var height = (bars.Count * row) + 10;
        var max = Math.Max(1e-12, bars.Max(b => Math.Abs(b.Value)));
        var h = new Html();
        h.Raw($"<svg id=\"{id}\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 5 + (i * row);
            var length = double.IsFinite(value) ? (Width - labelWidth - 90) * Math.Abs(value) / max : 0;
            h.Raw($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" font-size=\"12\" text-anchor=\"end\">").Text(label).Raw("</text>");
            h.Raw($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{F(length)}\" height=\"{row - 6}\" fill=\"{(value < 0 ? "#cf222e" : "#0969da")}\"/>");
            h.Raw($"<text x=\"{F(labelWidth + length + 6)}\" y=\"{y + 15}\" font-size=\"12\">").Text(Html.Number(value)).Raw("</text>");
        }

        return h.Raw("</svg>").ToString();
    }

    private static void Axes(Html h, double low, double high, Func<double, double> y)
    {
        for (var i = 0; i <= 4; i++)
        {
            var v = low + ((high - low) * i / 4);
            h.Raw($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y(v))}\" y2=\"{F(y(v))}\" stroke=\"#eaeef2\"/>");
            h.Raw($"<text x=\"{Left - 6}\" y=\"{F(y(v) + 4)}\" font-size=\"11\" text-anchor=\"end\">").Text(Html.Number(v)).Raw("</text>");
        }
    }

    private static string Colour(string outcome) => outcome switch
    {
        "degraded" => "#cf222e",
        "promoted" => "#1a7f37",
        "kept" => "#9a6700",
        _ => "#0969da",
    };

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
