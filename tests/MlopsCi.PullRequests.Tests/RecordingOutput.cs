using MlopsCi.Core.PullRequests.Flow;

namespace MlopsCi.PullRequests.Tests;

/// <summary>An <see cref="IFlowOutput"/> that keeps what the flow said.</summary>
internal sealed class RecordingOutput : IFlowOutput
{
    public List<string> Steps { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Summaries { get; } = [];

    public Dictionary<string, string> Outputs { get; } = [];

    public void Step(string message) => Steps.Add(message);

    public void Warning(string message) => Warnings.Add(message);

    public Task WriteSummaryAsync(string markdown, CancellationToken cancellationToken)
    {
        Summaries.Add(markdown);
        return Task.CompletedTask;
    }

    public Task SetOutputAsync(string name, string value, CancellationToken cancellationToken)
    {
        Outputs[name] = value;
        return Task.CompletedTask;
    }
}
