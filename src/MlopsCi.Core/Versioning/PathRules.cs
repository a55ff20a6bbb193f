using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>What a path inside a repository may look like: relative, forward slashes, no empty, '.' or '..' segments, no control characters.</summary>
public static class PathRules
{
    /// <summary>Throws <see cref="InvalidInputException"/> when <paramref name="path"/> is not a valid repository path.</summary>
    public static void Validate(string path)
    {
        if (!IsValid(path))
            throw new InvalidInputException($"'{Printable(path)}' is not a valid path in a repository: use a relative path with '/' separators, no '.' or '..' segments and no control characters.");
    }

    /// <summary>Whether <paramref name="path"/> is a valid repository path.</summary>
    public static bool IsValid(string path)
    {
        if (path.Length == 0 || path.Length > 1024 || path[0] == '/' || path[^1] == '/')
            return false;
        foreach (var c in path)
        {
            if (char.IsControl(c) || c == '\\')
                return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
                return false;
        }

        return true;
    }

    /// <summary>Normalises a user-given prefix ("data/", "/data", "data") to "data/" or "" for the root.</summary>
    public static string NormalizePrefix(string? prefix)
    {
        var trimmed = (prefix ?? "").Trim('/');
        if (trimmed.Length == 0)
            return "";
        Validate(trimmed);
        return trimmed + "/";
    }

    /// <summary>Shows control characters escaped, for messages.</summary>
    public static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
