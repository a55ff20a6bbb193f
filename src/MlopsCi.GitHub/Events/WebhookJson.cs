using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MlopsCi.GitHub.Events;

/// <summary>How webhook payloads are read into Octokit.Webhooks' types.</summary>
internal static class WebhookJson
{
    /// <summary>
    /// Octokit.Webhooks marks the schema's required members <c>required</c>; payloads written by hand (tests, a replayed
    /// event trimmed to what matters) leave most out, and the lifecycle reads a few fields, so none is required here.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
    };

    private static void NothingRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }
}
