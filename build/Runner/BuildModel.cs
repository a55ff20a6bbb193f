using System.Reflection;

namespace MlopsCi.BuildScript.Runner;

/// <summary>The targets and parameters a build declares, found by reflection the way Nuke finds them.</summary>
internal sealed class BuildModel
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private BuildModel(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterSpec> parameters, ExecutableTarget? defaultTarget)
    {
        Targets = targets;
        Parameters = parameters;
        DefaultTarget = defaultTarget;
    }

    /// <summary>Targets in declaration order.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    /// <summary>Parameters sorted by name.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public ExecutableTarget? DefaultTarget { get; }

    public static BuildModel From(BuildBase build, Target? defaultTarget = null)
    {
        var properties = build.GetType().GetProperties(Members)
            .Where(p => p.PropertyType == typeof(Target))
            .OrderBy(p => p.MetadataToken)
            .ToList();

        // A Target property returns a new delegate on every read, but always over the same lambda method:
        // that method is what DependsOn(Restore) and friends are resolved by.
        var names = properties.ToDictionary(p => ((Target)p.GetValue(build)!).Method, p => p.Name);
        string NameOf(Target target) => names.TryGetValue(target.Method, out var name)
            ? name
            : throw new InvalidOperationException($"A target relation points to '{target.Method.Name}', which is not a Target property.");

        var targets = properties.Select((property, index) =>
        {
            var definition = ((Target)property.GetValue(build)!).Invoke(new TargetDefinition());
            return new ExecutableTarget(
                property.Name,
                definition.DescriptionText,
                index,
                definition.Dependencies.Select(NameOf).ToList(),
                definition.RunsAfter.Select(NameOf).ToList(),
                definition.RequiredParameters,
                definition.Actions);
        }).ToList();

        var parameters = build.GetType().GetProperties(Members)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new ParameterSpec(
                x.Property.Name,
                x.Attribute!.Description,
                Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType,
                x.Property.GetValue(build),
                x.Property))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var unsupported = parameters.FirstOrDefault(p => p.ValueType != typeof(string) && p.ValueType != typeof(int) && p.ValueType != typeof(bool));
        if (unsupported is not null)
            throw new InvalidOperationException($"Parameter {unsupported.Name} is a {unsupported.ValueType.Name}; use string, int or bool.");

        var fallback = defaultTarget is null ? null : targets.Single(t => t.Name == NameOf(defaultTarget));
        return new BuildModel(targets, parameters, fallback);
    }

    /// <summary>The target with this name, compared ignoring case and dashes.</summary>
    public ExecutableTarget GetTarget(string name) =>
        Targets.SingleOrDefault(t => ParameterNames.Normalize(t.Name) == ParameterNames.Normalize(name))
        ?? throw new UsageException(
            $"Target '{name}' does not exist. Valid targets: {string.Join(", ", Targets.Select(t => t.Name))}.");

    /// <summary>The parameter with this name (--no-services, NoServices, no_services all match), or null.</summary>
    public ParameterSpec? FindParameter(string name) =>
        Parameters.SingleOrDefault(p => ParameterNames.Normalize(p.Name) == ParameterNames.Normalize(name));

    public string ValidParameters => string.Join(", ", Parameters.Select(p => "--" + p.Kebab));
}
