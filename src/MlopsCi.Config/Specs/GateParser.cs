using MlopsCi.Config.Yaml;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;

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
            var gate = new YamlSection(top.File, "gates[]", node, GateKeys);
            var metric = gate.RequiredString("metric", task is { } t ? MetricNames.Primary(t) : "rmse");
            if (task is { } known && !MetricNames.IsKnown(known, metric))
                throw gate.Error("metric", $"unknown metric '{metric}' for a {known.ToString().ToLowerInvariant()} model; use one of {string.Join(", ", MetricNames.For(known))}{(known == ModelTask.Multiclass ? ", recall:<class>" : "")}");
            Limit? maxRegression = null;
            if (gate.String("max-regression") is { } text)
                maxRegression = Limit.TryParse(text) ?? throw gate.Error("max-regression", $"'max-regression' must be a percentage like 2% or a non-negative number, not '{text}'");
            var spec = new GateSpec(metric, maxRegression, gate.Number("min"), gate.Number("max")) { Location = new SpecLocation(top.File, gate.Line) };
            if (spec is { MaxRegression: null, Min: null, Max: null })
                throw gate.Error(node, $"the gate on '{metric}' sets no limit; add max-regression, min or max");
            gates.Add(spec);
        }

        return gates;
    }
}
