using System.Text;
using MlopsCi.Core.Errors;

namespace MlopsCi.GitHub.Actions;

/// <summary>
/// Sets step outputs by appending to the <c>GITHUB_OUTPUT</c> file: <c>name=value</c> for one line, and
/// <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> with a random delimiter absent from the value otherwise.
/// </summary>
public sealed class GitHubOutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string path;
    private readonly Func<string> newDelimiter;

    /// <summary>Writes outputs to the file at <paramref name="path"/>.</summary>
    public GitHubOutputWriter(string path)
        : this(path, () => "ghadelimiter_" + Guid.NewGuid().ToString("N"))
    {
    }

    internal GitHubOutputWriter(string path, Func<string> newDelimiter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
        this.newDelimiter = newDelimiter;
    }

    /// <summary>The writer for <c>GITHUB_OUTPUT</c>, or null when the variable is not set (not in Actions).</summary>
    public static GitHubOutputWriter? FromEnvironment(Func<string, string?> environment) =>
        FromEnvironment(new ActionsEnvironment(environment));

    /// <summary>The writer for <see cref="ActionsEnvironment.OutputPath"/>, or null when it is not set (not in Actions).</summary>
    public static GitHubOutputWriter? FromEnvironment(ActionsEnvironment actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.OutputPath is { } file ? new GitHubOutputWriter(file) : null;
    }

    /// <summary>Appends output <paramref name="name"/> with <paramref name="value"/>.</summary>
    /// <exception cref="InvalidInputException">When the name is empty or holds '=', '&lt;&lt;' or a line break.</exception>
    public Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['=', '\r', '\n']) >= 0 || name.Contains("<<", StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                $"'{name}' is not a valid output name: use letters, digits, '-' and '_' (no '=', '<<' or line breaks).");
        }

        return File.AppendAllTextAsync(path, Format(name, value), Utf8, cancellationToken);
    }

    internal string Format(string name, string value)
    {
        if (value.IndexOfAny(['\r', '\n']) < 0)
        {
            return $"{name}={value}\n";
        }

        var delimiter = newDelimiter();
        while (value.Contains(delimiter, StringComparison.Ordinal) || name.Contains(delimiter, StringComparison.Ordinal))
        {
            delimiter = newDelimiter();
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }
}
