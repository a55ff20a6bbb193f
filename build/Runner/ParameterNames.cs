using System.Text.RegularExpressions;

namespace MlopsCi.BuildScript.Runner;

/// <summary>The spellings of a parameter name: member (NoServices), kebab (no-services), upper snake (NO_SERVICES).</summary>
internal static partial class ParameterNames
{
    public static string Kebab(string memberName) => string.Join('-', Words(memberName)).ToLowerInvariant();

    public static string UpperSnake(string memberName) => string.Join('_', Words(memberName)).ToUpperInvariant();

    /// <summary>The form names are compared in: letters and digits only, lower case (Nuke matches this way too).</summary>
    public static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string[] Words(string memberName) => CamelHump().Split(memberName);

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex CamelHump();
}
