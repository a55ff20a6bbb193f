using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// The lifecycle's output on the console and, inside GitHub Actions, as warning annotations, the step summary
/// (<c>GITHUB_STEP_SUMMARY</c>) and step outputs (<c>GITHUB_OUTPUT</c>). Steps go to <paramref name="log"/>.
/// </summary>
internal sealed class ActionsFlowOutput(TextWriter log, TextWriter error, ActionsEnvironment actions) : IFlowOutput
{
    private readonly bool _actions = actions.IsGitHubActions;
    private readonly StepSummaryWriter? _summary = StepSummaryWriter.FromEnvironment(actions);
    private readonly GitHubOutputWriter? _outputs = GitHubOutputWriter.FromEnvironment(actions);

    public void Step(string message) => log.WriteLine("• " + message);

    public void Warning(string message)
    {
        if (_actions)
            new WorkflowCommands(log).Warning(message);
        else
            error.WriteLine("warning: " + message);
    }

    public Task WriteSummaryAsync(string markdown, CancellationToken cancellationToken) =>
        _summary?.AppendAsync(markdown, cancellationToken) ?? Task.CompletedTask;

    public Task SetOutputAsync(string name, string value, CancellationToken cancellationToken) =>
        _outputs?.SetAsync(name, value, cancellationToken) ?? Task.CompletedTask;
}
