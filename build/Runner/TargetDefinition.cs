namespace MlopsCi.BuildScript.Runner;

/// <summary>Fluent description of one target: what it does, what it needs, where it is ordered.</summary>
internal sealed class TargetDefinition
{
    private readonly List<Target> _dependsOn = [];
    private readonly List<Target> _after = [];
    private readonly List<string> _requires = [];
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    internal string DescriptionText { get; private set; } = "";

    internal IReadOnlyList<Target> Dependencies => _dependsOn;

    internal IReadOnlyList<Target> RunsAfter => _after;

    internal IReadOnlyList<string> RequiredParameters => _requires;

    internal IReadOnlyList<Func<CancellationToken, Task>> Actions => _actions;

    /// <summary>One line shown by --help and written to the schema.</summary>
    public TargetDefinition Description(string text)
    {
        DescriptionText = text;
        return this;
    }

    /// <summary>Targets that must run (and succeed) before this one; they are scheduled automatically.</summary>
    public TargetDefinition DependsOn(params Target[] targets)
    {
        _dependsOn.AddRange(targets);
        return this;
    }

    /// <summary>When both are scheduled, this target runs after the given ones (ordering only).</summary>
    public TargetDefinition After(params Target[] targets)
    {
        _after.AddRange(targets);
        return this;
    }

    /// <summary>Parameters (property names) that must have a value before the build starts.</summary>
    public TargetDefinition Requires(params string[] parameterNames)
    {
        _requires.AddRange(parameterNames);
        return this;
    }

    /// <summary>Adds a step; steps run in the order they were added.</summary>
    public TargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        _actions.Add(action);
        return this;
    }
}
