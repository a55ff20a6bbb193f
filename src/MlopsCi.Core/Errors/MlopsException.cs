namespace MlopsCi.Core.Errors;

/// <summary>
/// Base of every expected failure. The message says what failed, with which input, and what to do;
/// <see cref="ExitCode"/> is 1 when the operation could not be done and 2 for bad usage or bad input.
/// </summary>
public abstract class MlopsException : Exception
{
    protected MlopsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code an entry point should return for this failure.</summary>
    public abstract int ExitCode { get; }
}

/// <summary>Bad usage or bad input: unknown refs, invalid names, malformed files (exit 2).</summary>
public class InvalidInputException : MlopsException
{
    public InvalidInputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The problems of a spec file, all at once: with one, the message is that problem ("mlops.yml line 7: …"); with
    /// more, a count and one line per problem. <c>--json</c> prints them as a list.
    /// </summary>
    public InvalidInputException(IReadOnlyList<SpecError> specErrors, Exception? innerException = null)
        : base(SpecError.Describe(specErrors), innerException) => SpecErrors = specErrors;

    /// <summary>The spec problems this failure is made of, in line order (empty when it is not about a spec file).</summary>
    public IReadOnlyList<SpecError> SpecErrors { get; } = [];

    /// <inheritdoc />
    public override int ExitCode => 2;
}

/// <summary>The operation could not be done: conflict, protected branch, corruption, failed gate or hook (exit 1).</summary>
public class OperationFailedException : MlopsException
{
    public OperationFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override int ExitCode => 1;
}

/// <summary>A merge or revert found paths changed on both sides.</summary>
public sealed class MergeConflictException : OperationFailedException
{
    public MergeConflictException(string message, IReadOnlyList<string> conflicts)
        : base(message) => Conflicts = conflicts;

    /// <summary>Every conflicting path, sorted.</summary>
    public IReadOnlyList<string> Conflicts { get; }
}

/// <summary>Stored data does not hash to its address.</summary>
public sealed class CorruptionException : OperationFailedException
{
    public CorruptionException(string message, IReadOnlyList<string> objects)
        : base(message) => Objects = objects;

    /// <summary>The corrupt objects (keys or paths).</summary>
    public IReadOnlyList<string> Objects { get; }
}

/// <summary>The storage backend failed (after retries); names the store and key, never credentials.</summary>
public sealed class StorageException : OperationFailedException
{
    public StorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
