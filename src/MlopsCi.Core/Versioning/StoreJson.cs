using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlopsCi.Core.Versioning;

/// <summary>The JSON settings of every stored document: camelCase, compact, stable property order.</summary>
public static class StoreJson
{
    /// <summary>Shared options (thread-safe once used).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Indented options for people (reports, --json output).</summary>
    public static JsonSerializerOptions Pretty { get; } = new(Options) { WriteIndented = true };
}
