namespace MlopsCi.BuildScript.Runner;

/// <summary>An expected failure of a target (a process exited non-zero, a tool is missing). Exit code 1.</summary>
internal sealed class BuildException : Exception
{
    public BuildException(string message)
        : base(message)
    {
    }

    public BuildException()
    {
    }

    public BuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
