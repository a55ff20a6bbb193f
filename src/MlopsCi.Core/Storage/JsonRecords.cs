using System.Runtime.CompilerServices;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Storage;

/// <summary>
/// One kind of JSON record kept in a store (runs, pull-request records, hook runs …): read, write and list records by
/// key with <see cref="StoreJson.Options"/>. A record that does not parse (or holds <c>null</c>) is a
/// <see cref="CorruptionException"/> naming its key: "<c>what</c> KEY in STORE is not valid JSON (…)" then
/// <c>advice</c>, so a user learns which object to delete or restore.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="what">The record's name at the start of the error ("Run record").</param>
/// <param name="advice">What follows the parser's message: its closing punctuation and what to do ("; delete it and …").</param>
internal sealed class JsonRecords<T>(IObjectStore store, string what, string advice)
    where T : class
{
    /// <summary>The record at <paramref name="key"/>, or null when there is none.</summary>
    public async Task<T?> TryReadAsync(string key, CancellationToken cancellationToken) =>
        await store.TryReadAllAsync(key, cancellationToken) is { } bytes ? Parse(key, bytes) : null;

    /// <summary>Writes (or replaces) the record at <paramref name="key"/>.</summary>
    public Task WriteAsync(string key, T record, CancellationToken cancellationToken) =>
        store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(record, StoreJson.Options), cancellationToken);

    /// <summary>Writes the record unless <paramref name="key"/> exists; true when this call wrote it.</summary>
    public Task<bool> TryCreateAsync(string key, T record, CancellationToken cancellationToken) =>
        store.PutIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(record, StoreJson.Options), cancellationToken);

    /// <summary>The keys of the records (<c>*.json</c>) under <paramref name="prefix"/>, in key order.</summary>
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(prefix, cancellationToken))
        {
            if (info.Key.EndsWith(".json", StringComparison.Ordinal))
                yield return info.Key;
        }
    }

    /// <summary>
    /// The records under <paramref name="prefix"/> in key order, each with its key; one removed meanwhile is left out. A
    /// malformed one throws, or with <paramref name="skipMalformed"/> is left out (a listing that shows what it can; a
    /// read by key still reports it).
    /// </summary>
    public async IAsyncEnumerable<(string Key, T Record)> ListAsync(string prefix, bool skipMalformed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in ListKeysAsync(prefix, cancellationToken))
        {
            if (await store.TryReadAllAsync(key, cancellationToken) is not { } bytes)
                continue;
            if (TryParse(bytes, out var record, out var problem))
                yield return (key, record!);
            else if (!skipMalformed)
                throw Malformed(key, problem!);
        }
    }

    private T Parse(string key, byte[] bytes) =>
        TryParse(bytes, out var record, out var problem) ? record! : throw Malformed(key, problem!);

    private static bool TryParse(byte[] bytes, out T? record, out JsonException? problem)
    {
        try
        {
            record = JsonSerializer.Deserialize<T>(bytes, StoreJson.Options) ?? throw new JsonException("empty");
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            (record, problem) = (null, e);
            return false;
        }
    }

    private CorruptionException Malformed(string key, JsonException problem) =>
        new($"{what} {key} in {store.Location} is not valid JSON ({problem.Message}){advice}", [key]);
}
