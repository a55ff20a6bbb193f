using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlopsCi.Web.Api;

/// <summary>
/// The OpenAPI 3.1 document of the JSON API, written from <see cref="ApiRoutes.All"/>. Hand-built rather than generated:
/// the API is a handful of GET routes, and a generator package would be the web project's only dependency.
/// </summary>
internal static class OpenApiDocument
{
    public static string Json { get; } = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var route in ApiRoutes.All)
        {
            var parameters = new JsonArray();
            foreach (var name in route.Path.Split('/').Where(s => s.StartsWith('{')))
                parameters.Add(new JsonObject { ["name"] = name.Trim('{', '}'), ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            foreach (var p in route.Query)
            {
                JsonNode schema = p.Repeated
                    ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = p.Type } }
                    : new JsonObject { ["type"] = p.Type };
                parameters.Add(new JsonObject { ["name"] = p.Name, ["in"] = "query", ["required"] = p.Required, ["description"] = p.Description, ["schema"] = schema });
            }

            var content = route.Schema == "Blob"
                ? new JsonObject { ["application/octet-stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } }
                : new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = route.Schema is "Runs" or "Models" or "Hooks" or "Pulls" ? "array" : "object", ["title"] = route.Schema } } };
            paths[route.Path] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["summary"] = route.Summary,
                    ["operationId"] = "get" + route.Schema,
                    ["parameters"] = parameters,
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = route.Summary, ["content"] = content },
                        ["400"] = new JsonObject { ["description"] = "Bad input (unknown ref, path or run): { \"error\": message }" },
                    },
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "mlops ui", ["version"] = "1", ["description"] = "Read-only JSON API of an mlops store: the data behind every page of 'mlops ui'. No write routes, no authentication." },
            ["paths"] = paths,
        };
    }
}
