namespace MlopsCi.MSBuild.Internal;

/// <summary>One run of the mlops tool: its exit code, standard output (the --json document) and standard error.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>Whether the tool exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The error text without the tool's "error: " prefix, or a fallback naming the exit code.</summary>
    public string Message =>
        Error.Trim() is { Length: > 0 } text ? text.Replace("error: ", "", StringComparison.Ordinal) : $"the tool exited with code {ExitCode} and printed no error";
}
