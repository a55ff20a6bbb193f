namespace MlopsCi.BuildScript.Runner;

/// <summary>Marks a property of the build as a parameter (--kebab-case, environment, .nuke/parameters.json).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ParameterAttribute(string description) : Attribute
{
    /// <summary>One line shown by --help and written to the schema.</summary>
    public string Description { get; } = description;
}
