using Microsoft.Build.Framework;

namespace MlopsCi.MSBuild;

/// <summary>
/// Materialises a data ref into a folder (every blob's hash verified by the tool). Skipped when a marker beside the
/// folder says it already holds the commit the ref resolves to.
/// </summary>
public sealed class MlopsDataCheckout : MlopsToolTask
{
    /// <summary>The data ref (e.g. main, pr-12, a tag or a commit id).</summary>
    [Required]
    public string DataRef { get; set; } = "";

    /// <summary>The folder to fill; its content is replaced by the ref's.</summary>
    [Required]
    public string Folder { get; set; } = "";

    /// <summary>The commit id that was checked out (or was already there).</summary>
    [Output]
    public string CommitId { get; private set; } = "";

    /// <summary>Whether nothing was done because the folder already held the commit.</summary>
    [Output]
    public bool Skipped { get; private set; }

    /// <summary>The marker file recording the commit in the folder: <c>&lt;folder&gt;.mlops-commit</c>, outside the data.</summary>
    public static string MarkerOf(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ".mlops-commit";

    /// <inheritdoc />
    protected override bool Run()
    {
        var resolved = RunTool("data", "log", DataRef, "--max", "1");
        if (!resolved.Succeeded)
            return Fail($"Resolving the data ref '{DataRef}'", resolved);
        CommitId = Json(resolved)[0].GetProperty("id").GetString() ?? throw new FormatException("the commit has no id");
        // No trailing separator: Repository.ReplaceFolder treats ".../data/" as its own parent (see the report).
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Folder));
        var marker = MarkerOf(folder);
        if (Directory.Exists(folder) && File.Exists(marker) && File.ReadAllText(marker).Trim() == CommitId)
        {
            Skipped = true;
            Log.LogMessage(MessageImportance.High, "MlopsDataCheckout: {0} is already at '{1}' ({2}); checkout skipped.", folder, DataRef, Short(CommitId));
            return true;
        }

        // Check out the resolved id, not the ref: the folder then matches the marker even if the branch moves meanwhile.
        File.Delete(marker);
        var checkout = RunTool("data", "checkout", CommitId, folder, "--force");
        if (!checkout.Succeeded)
            return Fail($"Checking out '{DataRef}' ({Short(CommitId)}) into {folder}", checkout);
        var json = Json(checkout);
        File.WriteAllText(marker, CommitId + "\n");
        Log.LogMessage(MessageImportance.High, "MlopsDataCheckout: checked out '{0}' ({1}) into {2}: {3} files, {4} bytes.",
            DataRef, Short(CommitId), folder, json.GetProperty("files").GetInt64(), json.GetProperty("bytes").GetInt64());
        return true;
    }
}
