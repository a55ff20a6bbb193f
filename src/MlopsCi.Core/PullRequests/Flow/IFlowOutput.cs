namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Where the lifecycle reports progress besides the pull request: the log, warnings, the step summary and step outputs.</summary>
public interface IFlowOutput
{
    /// <summary>A progress line ("created data branch pr-3 from main").</summary>
    void Step(string message);

    /// <summary>A warning (an annotation on GitHub Actions).</summary>
    void Warning(string message);

    /// <summary>Appends Markdown to the step summary (nothing outside GitHub Actions).</summary>
    Task WriteSummaryAsync(string markdown, CancellationToken cancellationToken);

    /// <summary>Sets a step output (nothing outside GitHub Actions).</summary>
    Task SetOutputAsync(string name, string value, CancellationToken cancellationToken);
}
