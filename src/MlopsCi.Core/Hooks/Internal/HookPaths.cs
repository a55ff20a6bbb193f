namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Where the hooks configuration lives in a data repository; paths under <c>_mlops/</c> are configuration, never data.</summary>
internal static class HookPaths
{
    public const string Reserved = "_mlops/";
    public const string Folder = "_mlops/hooks/";

    /// <summary><c>_mlops/hooks.yml</c> (or .yaml) and <c>_mlops/hooks/*.yml</c> (or .yaml, not in sub-folders).</summary>
    public static bool IsConfig(string path) =>
        path is "_mlops/hooks.yml" or "_mlops/hooks.yaml"
        || (path.StartsWith(Folder, StringComparison.Ordinal)
            && path.IndexOf('/', Folder.Length) < 0
            && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal)));

    public static bool IsData(string path) => !path.StartsWith(Reserved, StringComparison.Ordinal);
}
