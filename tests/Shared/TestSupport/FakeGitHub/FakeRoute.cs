namespace MlopsCi.Testing.FakeGitHub;

/// <summary>The REST routes the fake serves; each can be told to fail with <see cref="FakeGitHubServer.Fail"/>.</summary>
public enum FakeRoute
{
    /// <summary>GET /repos/{owner}/{repo}/pulls/{number}.</summary>
    GetPullRequest,

    /// <summary>GET /repos/{owner}/{repo}/pulls/{number}/reviews.</summary>
    ListReviews,

    /// <summary>GET /repos/{owner}/{repo}/issues/{number}/comments.</summary>
    ListComments,

    /// <summary>POST /repos/{owner}/{repo}/issues/{number}/comments.</summary>
    CreateComment,

    /// <summary>PATCH /repos/{owner}/{repo}/issues/comments/{id}.</summary>
    EditComment,

    /// <summary>POST /repos/{owner}/{repo}/statuses/{sha}.</summary>
    CreateStatus,

    /// <summary>GET /repos/{owner}/{repo}/compare/{base}...{head}.</summary>
    Compare,
}
