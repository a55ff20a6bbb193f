namespace MlopsCi.BuildScript.Runner;

/// <summary>Bad usage of the build: unknown target or parameter, missing or malformed value. Exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
