using System.Text.Json;
using System.Text.Json.Serialization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

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

    /// <summary>
    /// Reads and parses the JSON record at <paramref name="key"/>, or null when there is none. A record that does not
    /// parse is a <see cref="CorruptionException"/>: "<paramref name="what"/> KEY in STORE is not valid JSON (…)", then
    /// <paramref name="advice"/>.
    /// </summary>
    internal static async Task<T?> TryReadAsync<T>(IObjectStore store, string key, string what, string advice, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await store.TryReadAllAsync(key, cancellationToken);
        if (bytes is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options);
        }
        catch (JsonException e)
        {
            throw new CorruptionException($"{what} {key} in {store.Location} is not valid JSON ({e.Message}){advice}", [key]);
        }
    }

    /// <summary>Writes (or replaces) the JSON record at <paramref name="key"/>.</summary>
    internal static Task WriteAsync<T>(IObjectStore store, string key, T value, CancellationToken cancellationToken) =>
        store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, Options), cancellationToken);
}
