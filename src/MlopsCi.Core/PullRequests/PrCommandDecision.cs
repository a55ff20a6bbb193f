namespace MlopsCi.Core.PullRequests;

/// <summary>The command <c>mlops pr auto</c> chose, for which pull request, and why.</summary>
/// <param name="Command">The command to run.</param>
/// <param name="PullRequestNumber">The pull request it applies to; null when the event is not about one.</param>
/// <param name="Reason">A sentence for the log saying why.</param>
public sealed record PrCommandDecision(PrCommand Command, int? PullRequestNumber, string Reason);
