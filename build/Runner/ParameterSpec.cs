using System.Globalization;
using System.Reflection;

namespace MlopsCi.BuildScript.Runner;

/// <summary>A declared parameter: its names, description, type and default.</summary>
internal sealed record ParameterSpec(string Name, string Description, Type ValueType, object? DefaultValue, PropertyInfo Property)
{
    public string Kebab => ParameterNames.Kebab(Name);

    public bool IsFlag => ValueType == typeof(bool);

    /// <summary>Environment variables read for this parameter, in order: ours, Nuke's prefixed one, Nuke's exact member name.</summary>
    public IReadOnlyList<string> EnvironmentNames =>
        [$"MLOPS_{ParameterNames.UpperSnake(Name)}", $"NUKE_{ParameterNames.UpperSnake(Name)}", Name];

    public string TypeName => ValueType == typeof(bool) ? "boolean" : ValueType == typeof(int) ? "integer" : "string";

    /// <summary>Converts a raw value; <paramref name="source"/> says where it came from for the error message.</summary>
    public object Convert(string raw, string source)
    {
        if (ValueType == typeof(string))
            return raw;
        if (ValueType == typeof(int) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        if (ValueType == typeof(bool) && TryParseFlag(raw, out var flag))
            return flag;
        throw new UsageException(
            $"--{Kebab} expects {(IsFlag ? "true or false" : "an integer")}, but {source} gives '{raw}'.");
    }

    private static bool TryParseFlag(string raw, out bool value)
    {
        switch (raw.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes":
                value = true;
                return true;
            case "false" or "0" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
