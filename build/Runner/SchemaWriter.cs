using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Generates .nuke/build.schema.json: a JSON schema of .nuke/parameters*.json listing every parameter and, as the
/// ExecutableTarget definition, every target. Output is byte-stable (LF, two-space indent) on every OS.
/// </summary>
internal static class SchemaWriter
{
    public const string RelativePath = ".nuke/build.schema.json";

    public static string Generate(BuildModel model)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteString("$ref", "#/definitions/build");
            json.WriteStartObject("definitions");

            json.WriteStartObject("ExecutableTarget");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var target in model.Targets.OrderBy(t => t.Name, StringComparer.Ordinal))
                json.WriteStringValue(target.Name);
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("build");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in model.Parameters)
                WriteParameter(json, parameter);
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(BuildModel model, string rootDirectory) =>
        File.WriteAllText(Path.Combine(rootDirectory, RelativePath), Generate(model), new UTF8Encoding(false));

    private static void WriteParameter(Utf8JsonWriter json, ParameterSpec parameter)
    {
        json.WriteStartObject(parameter.Name);
        json.WriteString("type", parameter.TypeName);
        json.WriteString("description", parameter.Description);
        switch (parameter.DefaultValue)
        {
            case string text:
                json.WriteString("default", text);
                break;
            case int number:
                json.WriteNumber("default", number);
                break;
        }

        json.WriteEndObject();
    }
}
