using MlopsCi.Core.PullRequests;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>What a sync produced: the record to save (with its report), the commit status to set, whether it failed (a gate or a hook) and a sentence saying so.</summary>
internal sealed record SyncResult(PullRequestRecord Record, (CommitStatusState State, string Description) Status, bool Failed, string Message);
