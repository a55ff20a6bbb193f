using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>An alias, or null when it is not set.</summary>
    public async Task<ModelAlias?> GetAliasAsync(string name, string alias, CancellationToken cancellationToken)
    {
        ValidateName(name);
        ValidateAlias(alias);
        var stored = await store.TryReadVersionedAsync(AliasKey(name, alias), cancellationToken);
        return stored is null ? null : Read<ModelAlias>(stored.Content, AliasKey(name, alias));
    }

    /// <summary>Every alias of a model, sorted by alias.</summary>
    public async Task<IReadOnlyList<ModelAlias>> ListAliasesAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var aliases = new List<ModelAlias>();
        await foreach (var info in store.ListAsync($"{Prefix}{name}/aliases/", cancellationToken))
        {
            if (await store.TryReadAllAsync(info.Key, cancellationToken) is { } bytes)
                aliases.Add(Read<ModelAlias>(bytes, info.Key));
        }

        return [.. aliases.OrderBy(a => a.Alias, StringComparer.Ordinal)];
    }

    /// <summary>Points an alias at a version, whatever it pointed at before (compare-and-swap, retried on races).</summary>
    public async Task<ModelAlias> SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken)
    {
        await GetVersionAsync(name, version, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.TryReadVersionedAsync(AliasKey(name, alias), cancellationToken);
            var moved = await TryWriteAliasAsync(name, alias, version, current?.Tag, cancellationToken);
            if (moved is not null)
                return moved;
        }

        throw new OperationFailedException($"Alias '{name}@{alias}' kept changing under concurrent writers; retry.");
    }

    /// <summary>
    /// Moves an alias only if it still points at <paramref name="expectedVersion"/> (null: only if it is not set), so a
    /// promotion decided against one champion never overwrites a newer one. Returns null when the alias had moved.
    /// </summary>
    public async Task<ModelAlias?> TryMoveAliasAsync(string name, string alias, int version, int? expectedVersion, CancellationToken cancellationToken)
    {
        await GetVersionAsync(name, version, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.TryReadVersionedAsync(AliasKey(name, alias), cancellationToken);
            var currentVersion = current is null ? (int?)null : Read<ModelAlias>(current.Content, AliasKey(name, alias)).Version;
            if (currentVersion != expectedVersion)
                return null;
            if (await TryWriteAliasAsync(name, alias, version, current?.Tag, cancellationToken) is { } moved)
                return moved;
        }

        return null;
    }

    private async Task<ModelAlias?> TryWriteAliasAsync(string name, string alias, int version, string? tag, CancellationToken cancellationToken)
    {
        var value = new ModelAlias(name, alias, version, time.GetUtcNow());
        return await store.TryWriteVersionedAsync(AliasKey(name, alias), JsonSerializer.SerializeToUtf8Bytes(value, StoreJson.Options), tag, cancellationToken) ? value : null;
    }

    private static void ValidateAlias(string alias)
    {
        if (alias.Length is 0 or > 100 || !alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || alias[0] == '.')
            throw new InvalidInputException($"Invalid alias '{alias}': use letters, digits, '-', '_' and '.', e.g. 'champion'.");
    }

    private static string AliasKey(string name, string alias)
    {
        ValidateAlias(alias);
        return $"{Prefix}{name}/aliases/{alias}";
    }
}
