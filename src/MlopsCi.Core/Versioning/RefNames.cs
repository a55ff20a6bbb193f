using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>Branch and tag name rules, after git's check-ref-format: no "..", whitespace, control characters,
/// <c>~^:?*[\</c>, "@{", leading '-', '/' at either end, "//", a trailing ".lock" or '.'.</summary>
public static class RefNames
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the rule <paramref name="name"/> breaks.</summary>
    public static void Validate(string name, string kind)
    {
        var problem = Problem(name);
        if (problem is not null)
            throw new InvalidInputException($"Invalid {kind} name '{PathRules.Printable(name)}': {problem}. Use letters, digits, '-', '_', '.' and '/' separators, e.g. 'pr-42' or 'feature/new-data'.");
    }

    /// <summary>What is wrong with a name, or null when it is valid.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (name.Length > 200)
            return "it is longer than 200 characters";
        if (name[0] == '-')
            return "it starts with '-'";
        if (name[0] == '/' || name[^1] == '/')
            return "it starts or ends with '/'";
        if (name.Contains("..", StringComparison.Ordinal))
            return "it contains '..'";
        if (name.Contains("//", StringComparison.Ordinal))
            return "it contains '//'";
        if (name.Contains("@{", StringComparison.Ordinal) || name == "@")
            return "it contains '@{'";
        if (name.EndsWith(".lock", StringComparison.Ordinal) || name[^1] == '.')
            return "it ends with '.lock' or '.'";
        foreach (var c in name)
        {
            if (char.IsControl(c))
                return "it contains a control character";
            if (char.IsWhiteSpace(c))
                return "it contains whitespace";
            if ("~^:?*[\\".Contains(c, StringComparison.Ordinal))
                return $"it contains '{c}'";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.StartsWith('.'))
                return "a '/'-separated part starts with '.'";
        }

        return null;
    }
}
