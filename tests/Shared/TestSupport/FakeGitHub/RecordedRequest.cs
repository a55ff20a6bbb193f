namespace MlopsCi.Testing.FakeGitHub;

/// <summary>One request the fake received, as sent (the path includes any base path such as /api/v3).</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>Whether an Authorization header was sent.</summary>
    public bool HasAuthorization => Headers.ContainsKey("Authorization");

    /// <summary>A query parameter's value, or null.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
