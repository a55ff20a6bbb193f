using System.Text;
using MlopsCi.Core.Errors;

namespace MlopsCi.GitHub.Actions;

/// <summary>Appends Markdown to the step summary file (<c>GITHUB_STEP_SUMMARY</c>).</summary>
public sealed class StepSummaryWriter
{
    /// <summary>GitHub drops a step summary larger than 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string path;

    /// <summary>Appends to the file at <paramref name="path"/>.</summary>
    public StepSummaryWriter(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
    }

    /// <summary>The writer for <c>GITHUB_STEP_SUMMARY</c>, or null when the variable is not set (not in Actions).</summary>
    public static StepSummaryWriter? FromEnvironment(Func<string, string?> environment) =>
        FromEnvironment(new ActionsEnvironment(environment));

    /// <summary>The writer for <see cref="ActionsEnvironment.StepSummaryPath"/>, or null when it is not set (not in Actions).</summary>
    public static StepSummaryWriter? FromEnvironment(ActionsEnvironment actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.StepSummaryPath is { } file ? new StepSummaryWriter(file) : null;
    }

    /// <summary>Appends <paramref name="markdown"/>, followed by a line break when it lacks one.</summary>
    /// <exception cref="InvalidInputException">When the summary would exceed <see cref="MaxBytes"/>.</exception>
    public Task AppendAsync(string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var added = Utf8.GetByteCount(text);
        if (existing + added > MaxBytes)
        {
            throw new InvalidInputException(
                $"The step summary '{path}' would grow to {existing + added} bytes; GitHub drops summaries over " +
                $"{MaxBytes} bytes. Write a shorter summary.");
        }

        return File.AppendAllTextAsync(path, text, Utf8, cancellationToken);
    }
}
