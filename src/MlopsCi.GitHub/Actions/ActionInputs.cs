using MlopsCi.Core.Errors;

namespace MlopsCi.GitHub.Actions;

/// <summary>
/// Reads action inputs the way the runner passes them: <c>INPUT_&lt;NAME&gt;</c>, upper-cased, spaces turned into
/// '_', hyphens kept (<c>github-token</c> → <c>INPUT_GITHUB-TOKEN</c>). Values are trimmed; empty means unset.
/// </summary>
public sealed class ActionInputs(Func<string, string?> environment)
{
    private static readonly string[] TrueValues = ["true", "True", "TRUE"];
    private static readonly string[] FalseValues = ["false", "False", "FALSE"];

    /// <summary>The environment variable that carries input <paramref name="name"/>.</summary>
    public static string VariableName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return "INPUT_" + name.Trim().Replace(' ', '_').ToUpperInvariant();
    }

    /// <summary>The trimmed value of an input, or null when it is unset or empty.</summary>
    public string? Get(string name)
    {
        var value = environment(VariableName(name))?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The trimmed value of an input that must be given.</summary>
    /// <exception cref="InvalidInputException">When the input is unset or empty.</exception>
    public string GetRequired(string name) =>
        Get(name) ?? throw new InvalidInputException(
            $"Input '{name}' is required but was not given: add '{name}:' under 'with:' in the workflow step " +
            $"(or set {VariableName(name)}).");

    /// <summary>A boolean input (YAML 1.2 core schema: true/True/TRUE/false/False/FALSE); the default when unset.</summary>
    /// <exception cref="InvalidInputException">When the value is not one of those words.</exception>
    public bool GetBoolean(string name, bool defaultValue)
    {
        var value = Get(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (TrueValues.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        return FalseValues.Contains(value, StringComparer.Ordinal)
            ? false
            : throw new InvalidInputException(
                $"Input '{name}' is '{value}', which is not a boolean: use true or false.");
    }
}
