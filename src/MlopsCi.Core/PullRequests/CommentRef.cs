namespace MlopsCi.Core.PullRequests;

/// <summary>The pull-request comment an upsert wrote.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="HtmlUrl">The comment's web address.</param>
/// <param name="Created">True when the comment was created, false when an existing one was edited.</param>
public sealed record CommentRef(long Id, Uri HtmlUrl, bool Created);
