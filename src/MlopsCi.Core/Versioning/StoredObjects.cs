using System.Text;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Reading stored metadata defensively: content-addressed objects (commits, ranges, metaranges) must hash to their id,
/// and every document must parse; either failure is a <see cref="CorruptionException"/> naming the key, never a raw
/// <see cref="JsonException"/>.
/// </summary>
internal static class StoredObjects
{
    /// <summary>Throws when <paramref name="bytes"/> do not hash to <paramref name="id"/> (a tampered or damaged object).</summary>
    public static void Verify(IObjectStore store, string key, string id, byte[] bytes)
    {
        var actual = Hashing.Sha256Hex(bytes);
        if (!string.Equals(actual, id, StringComparison.Ordinal))
            throw new CorruptionException($"{key} in {store.Location} is corrupt: its content hashes to {actual[..12]}…, not to its id, so it was not used. Run 'mlops data fsck' to list what is damaged.", [key]);
    }

    /// <summary>Parses a stored document, turning any parse failure into a <see cref="CorruptionException"/> naming the key and the problem.</summary>
    public static T Parse<T>(IObjectStore store, string key, byte[] bytes, Func<byte[], T> parse) =>
        Describe(bytes, parse, out var parsed) is { } problem
            ? throw new CorruptionException($"{key} in {store.Location} is malformed: {problem}. Run 'mlops data fsck' to list what is damaged{(key.StartsWith(StoreLayout.Branches, StringComparison.Ordinal) ? $"; a broken branch can be removed with 'mlops data branch delete {key[StoreLayout.Branches.Length..]}'" : "")}.", [key])
            : parsed!;

    /// <summary>Parses a stored document; on failure returns the problem ("malformed KEY: what is wrong") instead of throwing.</summary>
    public static string? TryParse<T>(string key, byte[] bytes, Func<byte[], T> parse, out T? parsed) =>
        Describe(bytes, parse, out parsed) is { } problem ? $"malformed {key}: {problem}" : null;

    private static string? Describe<T>(byte[] bytes, Func<byte[], T> parse, out T? parsed)
    {
        try
        {
            parsed = parse(bytes);
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or ArgumentException or DecoderFallbackException or InvalidOperationException or NotSupportedException)
        {
            parsed = default;
            return Problem(bytes, e);
        }
    }

    /// <summary>Whether <paramref name="value"/> looks like a content address (64 lower-case hex digits).</summary>
    public static bool IsId(string? value) => value is { Length: 64 } && !value.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <summary>Throws a <see cref="FormatException"/> (turned into a corruption message by <see cref="Parse{T}"/>) unless <paramref name="value"/> is an id.</summary>
    public static string RequireId(string? value, string field) =>
        IsId(value) ? value! : throw new FormatException($"its {field} is {(value is null ? "missing" : $"'{Shorten(value)}', not a 64-hex-digit id")}");

    private static string Problem(byte[] bytes, Exception e) =>
        bytes.Length == 0 ? "it is empty (0 bytes)"
        : e is JsonException json ? $"not valid JSON ({bytes.Length} bytes; {FirstSentence(json.Message)}{(json.BytePositionInLine is { } at ? $" at byte {at}" : "")})"
        : e.Message;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
