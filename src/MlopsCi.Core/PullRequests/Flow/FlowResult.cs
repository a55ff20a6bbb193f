using MlopsCi.Core.Reporting;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>What a lifecycle command did: the exit code (0 ok or nothing to do, 1 gate/hook/conflict), a sentence saying so, the report and the comment.</summary>
public sealed record FlowResult(PrCommand Command, int ExitCode, string Message, PullRequestReport? Report = null, CommentRef? Comment = null);
