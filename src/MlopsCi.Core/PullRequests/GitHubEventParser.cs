using System.Text.Json;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.PullRequests;

/// <summary>Reads the GitHub Actions event (<c>GITHUB_EVENT_NAME</c> + the payload at <c>GITHUB_EVENT_PATH</c>).</summary>
public static class GitHubEventParser
{
    /// <summary>Reads the event named by the environment; the environment is injected for tests.</summary>
    /// <exception cref="InvalidInputException">When the variables are missing or the payload is unreadable.</exception>
    public static async Task<GitHubEvent> FromEnvironmentAsync(
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = environment("GITHUB_EVENT_NAME");
        var path = environment("GITHUB_EVENT_PATH");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException(
                "GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must both be set to read the triggering event; " +
                "run inside GitHub Actions or set them to an event name and a webhook payload file.");
        }

        return await ParseFileAsync(name, path, cancellationToken);
    }

    /// <summary>Parses the payload file of an event.</summary>
    /// <exception cref="InvalidInputException">When the file is missing or is not a JSON object.</exception>
    public static async Task<GitHubEvent> ParseFileAsync(string eventName, string payloadPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadPath);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(payloadPath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(
                $"Cannot read the event payload '{payloadPath}' (GITHUB_EVENT_PATH): {ex.Message}", ex);
        }

        return Parse(eventName, json, payloadPath);
    }

    /// <summary>Parses an event payload (GitHub's webhook schema).</summary>
    /// <exception cref="InvalidInputException">When the payload is not a JSON object.</exception>
    public static GitHubEvent Parse(string eventName, string payloadJson, string source = "the event payload")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(payloadJson);
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException($"{source} of event '{eventName}' is not a JSON object.");
            }

            return EventPayloadReader.Read(eventName, document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(
                $"{source} of event '{eventName}' is not valid JSON ({ex.Message}); " +
                "pass the webhook payload file GitHub Actions wrote to GITHUB_EVENT_PATH.", ex);
        }
    }
}
