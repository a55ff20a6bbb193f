using System.Text.Json;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Resolves parameters in Nuke's order: --kebab-case argument, then environment variable, then
/// .nuke/parameters.&lt;profile&gt;.json, then .nuke/parameters.json; a parameter found nowhere keeps its default.
/// </summary>
internal sealed class ParameterResolver(string rootDirectory, Func<string, string?> variables)
{
    public IReadOnlyDictionary<ParameterSpec, ResolvedValue> Resolve(BuildModel model, Invocation invocation)
    {
        var profileParameter = model.FindParameter(nameof(BuildBase.Profile))!;
        var profile = invocation.Arguments.GetValueOrDefault(profileParameter) ?? FromEnvironment(profileParameter)?.Value;
        var files = new List<(string Source, IReadOnlyDictionary<ParameterSpec, string> Values)>();
        if (!string.IsNullOrEmpty(profile))
            files.Add(Load(model, ProfileFile(profile)));
        var baseFile = Path.Combine(rootDirectory, ".nuke", "parameters.json");
        if (File.Exists(baseFile))
            files.Add(Load(model, baseFile));

        var resolved = new Dictionary<ParameterSpec, ResolvedValue>();
        foreach (var parameter in model.Parameters)
        {
            (string Raw, string Source)? found = invocation.Arguments.TryGetValue(parameter, out var argument)
                ? (argument, $"argument --{parameter.Kebab}")
                : FromEnvironment(parameter);
            foreach (var (source, values) in files)
                found ??= values.TryGetValue(parameter, out var value) ? (value, source) : null;
            if (found is { } f)
                resolved[parameter] = new ResolvedValue(parameter.Convert(f.Raw, f.Source), f.Source);
        }

        return resolved;
    }

    private (string Value, string Source)? FromEnvironment(ParameterSpec parameter)
    {
        // Empty counts as unset: CI files often map an absent input to an empty variable.
        var name = parameter.EnvironmentNames.FirstOrDefault(n => !string.IsNullOrEmpty(variables(n)));
        return name is null ? null : (variables(name)!, $"environment {name}");
    }

    private string ProfileFile(string profile)
    {
        var file = Path.Combine(rootDirectory, ".nuke", $"parameters.{profile}.json");
        if (File.Exists(file))
            return file;
        var nuke = Path.Combine(rootDirectory, ".nuke");
        var known = Directory.Exists(nuke)
            ? Directory.GetFiles(nuke, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order(StringComparer.Ordinal).ToList()
            : [];
        throw new UsageException(
            $"Profile '{profile}' has no file .nuke/parameters.{profile}.json. Known profiles: {string.Join(", ", known.DefaultIfEmpty("(none)"))}.");
    }

    private static (string Source, IReadOnlyDictionary<ParameterSpec, string> Values) Load(BuildModel model, string file)
    {
        var source = ".nuke/" + Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{source} is not valid JSON ({e.Message}). Fix the file.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{source} must hold one JSON object of parameter names and values.");
            var values = new Dictionary<ParameterSpec, string>();
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema"))
            {
                var parameter = model.FindParameter(property.Name);
                if (parameter is null || parameter.Name == nameof(BuildBase.Profile))
                {
                    throw new UsageException(
                        $"{source} sets '{property.Name}', which is not a parameter here. Valid parameters: {string.Join(", ", model.Parameters.Where(p => p.Name != nameof(BuildBase.Profile)).Select(p => p.Name))}.");
                }

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => throw new UsageException($"{source}: '{property.Name}' must be a string, number or boolean."),
                };
                if (value is not null)
                    values[parameter] = value;
            }

            return (source, values);
        }
    }
}
