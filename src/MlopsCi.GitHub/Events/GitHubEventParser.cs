using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Events;

/// <summary>
/// Reads the GitHub Actions event (<c>GITHUB_EVENT_NAME</c> + the webhook payload at <c>GITHUB_EVENT_PATH</c>) into
/// the <see cref="PullRequestEvent"/> the lifecycle takes, through Octokit.Webhooks' payload types.
/// </summary>
public static class GitHubEventParser
{
    /// <summary>Reads the event the Actions environment names.</summary>
    /// <exception cref="InvalidInputException">When the variables are missing or the payload is unreadable.</exception>
    public static async Task<PullRequestEvent> FromEnvironmentAsync(ActionsEnvironment actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.EventName is not { } name || actions.EventPath is not { } path)
        {
            throw new InvalidInputException(
                "GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must both be set to read the triggering event; " +
                "run inside GitHub Actions or set them to an event name and a webhook payload file.");
        }

        return await ParseFileAsync(name, path, cancellationToken);
    }

    /// <summary>Parses the payload file of an event.</summary>
    /// <exception cref="InvalidInputException">When the file is missing, is not a JSON object or not a webhook payload.</exception>
    public static async Task<PullRequestEvent> ParseFileAsync(string eventName, string payloadPath, CancellationToken cancellationToken)
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
    /// <exception cref="InvalidInputException">When the payload is not a JSON object or does not have the payload's shape.</exception>
    public static PullRequestEvent Parse(string eventName, string payloadJson, string source = "the event payload")
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

            return WebhookPayloadReader.Read(eventName, document.RootElement, source);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(
                $"{source} of event '{eventName}' is not valid JSON ({ex.Message}); " +
                "pass the webhook payload file GitHub Actions wrote to GITHUB_EVENT_PATH.", ex);
        }
    }
}
