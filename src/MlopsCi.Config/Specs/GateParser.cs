using MlopsCi.Config.Yaml;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using YamlDotNet.RepresentationModel;

namespace MlopsCi.Config.Specs;

/// <summary>Reads the <c>gates:</c> list: <c>{ metric, max-regression: 2% | number, min, max }</c>.</summary>
internal static class GateParser
{
    private static readonly string[] GateKeys = ["metric", "max-regression", "min", "max"];

    public static IReadOnlyList<GateSpec> Parse(YamlSection top, ModelTask? task)
    {
        var gates = new List<GateSpec>();
        foreach (var node in top.Items("gates"))
        {
            if (top.Try(() => Parse(top, node, task), null) is { } gate)
                gates.Add(gate);
        }

        return gates;
    }

    private static GateSpec? Parse(YamlSection top, YamlNode node, ModelTask? task)
    {
        var gate = new YamlSection(top.File, "gates[]", node, GateKeys, top.Errors);
        var metric = gate.Try(() => Metric(gate, task), null);
        var maxRegression = gate.Try(
            () => gate.String("max-regression") is { } text
                ? Limit.TryParse(text) ?? throw gate.Error("max-regression", $"'max-regression' must be a percentage like 2% or a non-negative number, not '{text}'")
                : null,
            null);
        var spec = new GateSpec(metric ?? "", maxRegression, gate.Try(() => gate.Number("min"), null), gate.Try(() => gate.Number("max"), null)) { Location = new SpecLocation(top.File, gate.Line) };
        if (metric is null)
            return null;
        // Whether a limit is written, not whether it parsed: a bad value is its own problem, not also "no limit".
        if (!gate.Has("max-regression") && !gate.Has("min") && !gate.Has("max"))
            throw gate.Error(node, $"the gate on '{metric}' sets no limit; add max-regression, min or max");
        return spec;
    }

    private static string Metric(YamlSection gate, ModelTask? task)
    {
        var metric = gate.RequiredString("metric", task is { } t ? MetricNames.Primary(t) : "rmse");
        if (task is { } known && !MetricNames.IsKnown(known, metric))
            throw gate.Error("metric", $"unknown metric '{metric}' for a {known.ToString().ToLowerInvariant()} model; use one of {string.Join(", ", MetricNames.For(known))}{(known == ModelTask.Multiclass ? ", recall:<class>" : "")}");
        return metric;
    }
}
