namespace MlopsCi.BuildScript.Runner;

/// <summary>GitHub Actions workflow commands (::group::, ::error::) are one line each.</summary>
internal static class WorkflowCommands
{
    public static string Escape(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
