namespace MlopsCi.Web.Api;

/// <summary>The JSON API's routes: the one list the endpoints, the /api page and the OpenAPI document are built from.</summary>
internal static class ApiRoutes
{
    private static readonly ApiParameter Path = new("path", "a path in the repository, e.g. weather/seattle-weather.csv", Required: true);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("/api/refs", "Branches (head commit, protected, last change) and tags", [], "Refs"),
        new("/api/log/{ref}", "A page of 50 commits of a ref's history, newest first", [new("page", "page number from 0", Type: "integer")], "Log"),
        new("/api/commits/{ref}", "A commit: message, metadata, parents, git sha and its diff against the first parent", [], "Commit"),
        new("/api/tree/{ref}", "A page of up to 1,000 items of a folder at a ref (sub-folders collapsed)", [new("path", "the folder, '' for the root"), new("after", "the 'next' cursor of the previous page")], "Tree"),
        new("/api/file/{ref}", "A file's entry and, for CSV/TSV/Parquet, its first 100 rows with column types", [Path], "File"),
        new("/api/blob/{ref}", "The file's bytes, streamed and verified against its SHA-256 (the response is cut short if they do not match)", [Path], "Blob"),
        new("/api/diff", "Files changed between two refs, with the row diff of each changed table the pull-request comment computes (added, removed, modified by key, cells per column, modified rows, schema)", [new("left", "the older ref", Required: true), new("right", "the newer ref", Required: true), new("key", "key columns for every table, comma-separated (default: data.keys of the spec mlops ui was given)")], "Diff"),
        new("/api/runs", "Training runs, newest first", [new("model", "only runs of this model")], "Runs"),
        new("/api/runs/{id}", "One run with the model versions registered from it", [], "Run"),
        new("/api/compare", "2–5 runs side by side, deltas against the first, and paired-bootstrap intervals when a pull request computed them", [new("run", "a run id (2 to 5 of them)", Required: true, Repeated: true)], "Compare"),
        new("/api/models", "Registered models with versions, aliases and the newest version", [], "Models"),
        new("/api/models/{name}", "A model's versions, aliases and monitoring history", [], "Model"),
        new("/api/hooks", "The newest hook runs of every branch, with their findings", [], "Hooks"),
        new("/api/pulls", "What each pull request reached: state, outcome, verdict, link", [], "Pulls"),
    ];
}
