using System.Text.Json;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Resolves parameters in Nuke's order: --kebab-case argument, then environment variable, then .nuke/parameters.json;
/// a parameter found nowhere keeps its default.
/// </summary>
internal sealed class ParameterResolver(string rootDirectory, Func<string, string?> variables)
{
    private const string FileSource = ".nuke/parameters.json";

    public IReadOnlyDictionary<ParameterSpec, ResolvedValue> Resolve(BuildModel model, Invocation invocation)
    {
        var file = Path.Combine(rootDirectory, ".nuke", "parameters.json");
        var fromFile = File.Exists(file) ? Load(model, file) : [];

        var resolved = new Dictionary<ParameterSpec, ResolvedValue>();
        foreach (var parameter in model.Parameters)
        {
            (string Value, string Source)? found = invocation.Arguments.TryGetValue(parameter, out var argument)
                ? (argument, $"argument --{parameter.Kebab}")
                : FromEnvironment(parameter) ?? (fromFile.TryGetValue(parameter, out var value) ? (value, FileSource) : null);
            if (found is { } f)
                resolved[parameter] = new ResolvedValue(parameter.Convert(f.Value, f.Source), f.Source);
        }

        return resolved;
    }

    private (string Value, string Source)? FromEnvironment(ParameterSpec parameter)
    {
        // Empty counts as unset: CI files often map an absent input to an empty variable.
        var name = parameter.EnvironmentNames.FirstOrDefault(n => !string.IsNullOrEmpty(variables(n)));
        return name is null ? null : (variables(name)!, $"environment {name}");
    }

    private static Dictionary<ParameterSpec, string> Load(BuildModel model, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{FileSource} is not valid JSON ({e.Message}). Fix the file.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{FileSource} must hold one JSON object of parameter names and values.");
            var values = new Dictionary<ParameterSpec, string>();
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema"))
            {
                var parameter = model.FindParameter(property.Name);
                if (parameter is null)
                {
                    throw new UsageException(
                        $"{FileSource} sets '{property.Name}', which is not a parameter here. Valid parameters: {string.Join(", ", model.Parameters.Select(p => p.Name))}.");
                }

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => throw new UsageException($"{FileSource}: '{property.Name}' must be a string, number or boolean."),
                };
                if (value is not null)
                    values[parameter] = value;
            }

            return values;
        }
    }
}
