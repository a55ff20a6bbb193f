namespace MlopsCi.Web.Api;

/// <summary>One GET route of the JSON API: its path, what it returns, its query parameters, and the schema name of its body.</summary>
internal sealed record ApiRoute(string Path, string Summary, IReadOnlyList<ApiParameter> Query, string Schema);

/// <summary>A query parameter of a route.</summary>
internal sealed record ApiParameter(string Name, string Description, bool Required = false, bool Repeated = false, string Type = "string");
