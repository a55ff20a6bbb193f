namespace MlopsCi.BuildScript.Runner;

/// <summary>The parsed command line: targets in the order given, parameter values, and the built-in switches.</summary>
internal sealed record Invocation(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<ParameterSpec, string> Arguments,
    bool Help,
    bool Plan,
    bool GenerateSchema);
