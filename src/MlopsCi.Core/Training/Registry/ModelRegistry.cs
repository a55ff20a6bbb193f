using System.Text.Json;
using System.Text.RegularExpressions;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Registry;

/// <summary>
/// Model name → numbered versions (1, 2, 3 …) and aliases, stored under <c>_mlops/models/&lt;name&gt;/</c>. Registering is
/// idempotent per run; version numbers and aliases change only by compare-and-swap, so concurrent writers are safe.
/// </summary>
public sealed partial class ModelRegistry(IObjectStore store, TimeProvider time)
{
    internal const string Prefix = StoreLayout.Models;
    private const int MaxAttempts = 100;

    /// <summary>Registers a finished run as the model's next version; re-registering the same run returns its version.</summary>
    public async Task<(ModelVersion Version, bool Created)> RegisterAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Finished || run.ModelHash is null || run.Schema is null)
            throw new InvalidInputException($"Run {run.Id} {RunStatusText.Describe(run)}; only a finished run with a model can be registered.");
        ValidateName(run.ModelName);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.TryReadVersionedAsync(IndexKey(run.ModelName), cancellationToken);
            var index = stored is null ? RegistryIndex.Empty : Read<RegistryIndex>(stored.Content, IndexKey(run.ModelName));
            if (index.Runs.TryGetValue(run.Id, out var existing))
                return (await EnsureVersionAsync(run, existing, cancellationToken), false);
            var runs = new SortedDictionary<string, int>(index.Runs.ToDictionary(), StringComparer.Ordinal) { [run.Id] = index.Next };
            var updated = new RegistryIndex(index.Next + 1, runs);
            if (await store.TryWriteVersionedAsync(IndexKey(run.ModelName), JsonSerializer.SerializeToUtf8Bytes(updated, StoreJson.Options), stored?.Tag, cancellationToken))
                return (await EnsureVersionAsync(run, index.Next, cancellationToken), true);
            await Task.Delay(Random.Shared.Next(1, 2 * attempt), cancellationToken);
        }

        throw new OperationFailedException($"Model '{run.ModelName}' kept changing under concurrent registrations; retry.");
    }

    /// <summary>A version, or null.</summary>
    public async Task<ModelVersion?> TryGetVersionAsync(string name, int version, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var bytes = await store.TryReadAllAsync(VersionKey(name, version), cancellationToken);
        return bytes is null ? null : Read<ModelVersion>(bytes, VersionKey(name, version));
    }

    /// <summary>A version; unknown versions are bad input.</summary>
    public async Task<ModelVersion> GetVersionAsync(string name, int version, CancellationToken cancellationToken) =>
        await TryGetVersionAsync(name, version, cancellationToken)
        ?? throw new InvalidInputException($"Model '{name}' has no version {version}. 'mlops models show {name}' lists its versions.");

    /// <summary>Every version of a model, oldest first.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var versions = new List<ModelVersion>();
        await foreach (var info in store.ListAsync($"{Prefix}{name}/versions/", cancellationToken))
        {
            if (await store.TryReadAllAsync(info.Key, cancellationToken) is { } bytes)
                versions.Add(Read<ModelVersion>(bytes, info.Key));
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    /// <summary>Names of every registered model, sorted.</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(Prefix, cancellationToken))
        {
            var rest = info.Key[Prefix.Length..];
            if (rest.EndsWith("/index.json", StringComparison.Ordinal))
                names.Add(rest[..rest.IndexOf('/', StringComparison.Ordinal)]);
        }

        return [.. names];
    }

    /// <summary>Resolves "name@alias" or "name:version".</summary>
    public async Task<ModelVersion> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            var (name, alias) = (reference[..at], reference[(at + 1)..]);
            var pointer = await GetAliasAsync(name, alias, cancellationToken)
                ?? throw new InvalidInputException($"Model '{name}' has no alias '{alias}'. Set one with 'mlops models alias {name} {alias} <version>'.");
            return await GetVersionAsync(name, pointer.Version, cancellationToken);
        }

        var colon = reference.LastIndexOf(':');
        if (colon > 0 && int.TryParse(reference[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var version))
            return await GetVersionAsync(reference[..colon], version, cancellationToken);
        throw new InvalidInputException($"'{reference}' is not a model reference; use name@alias (e.g. flight-delay@champion) or name:version (e.g. flight-delay:3).");
    }

    internal static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new InvalidInputException($"Invalid model name '{name}': use letters, digits, '.', '_' and '-', starting with a letter or digit.");
    }

    private async Task<ModelVersion> EnsureVersionAsync(RunRecord run, int version, CancellationToken cancellationToken)
    {
        // The index is written first; a crash before the version file is repaired by the next registration of the run.
        var model = new ModelVersion(run.ModelName, version, run.Id, run.DataCommit, run.Spec.Task, run.Metrics, run.Schema!, run.ModelHash!, run.SpecHash, time.GetUtcNow());
        await store.PutIfAbsentAsync(VersionKey(run.ModelName, version), JsonSerializer.SerializeToUtf8Bytes(model, StoreJson.Options), cancellationToken);
        return await GetVersionAsync(run.ModelName, version, cancellationToken);
    }

    private T Read<T>(byte[] bytes, string key)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, StoreJson.Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new CorruptionException($"Registry object {key} in {store.Location} is not valid JSON ({e.Message}).", [key]);
        }
    }

    private static string IndexKey(string name) => $"{Prefix}{name}/index.json";

    private static string VersionKey(string name, int version) => $"{Prefix}{name}/versions/{version}.json";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
