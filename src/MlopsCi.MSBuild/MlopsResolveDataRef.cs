using Microsoft.Build.Framework;

namespace MlopsCi.MSBuild;

/// <summary>
/// Resolves a data ref (branch, tag or commit) to its commit id and writes it to a stamp file, touching the file only
/// when the id changed: the stamp is an Input of the training target, so a moved branch retrains and nothing else does.
/// </summary>
public sealed class MlopsResolveDataRef : MlopsToolTask
{
    /// <summary>The data ref (e.g. main, pr-12, a tag or a commit id).</summary>
    [Required]
    public string DataRef { get; set; } = "";

    /// <summary>The stamp file that receives the commit id.</summary>
    [Required]
    public string StampFile { get; set; } = "";

    /// <summary>The commit id the ref points at.</summary>
    [Output]
    public string CommitId { get; private set; } = "";

    /// <inheritdoc />
    protected override bool Run()
    {
        var result = RunTool("data", "log", DataRef, "--max", "1");
        if (!result.Succeeded)
            return Fail($"Resolving the data ref '{DataRef}'", result);
        CommitId = Json(result)[0].GetProperty("id").GetString() ?? throw new FormatException("the commit has no id");
        var previous = File.Exists(StampFile) ? File.ReadAllText(StampFile).Trim() : null;
        if (previous == CommitId)
        {
            Log.LogMessage(MessageImportance.Normal, "MlopsResolveDataRef: '{0}' is still at {1}.", DataRef, Short(CommitId));
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
        File.WriteAllText(StampFile, CommitId + "\n");
        Log.LogMessage(MessageImportance.High, "MlopsResolveDataRef: '{0}' is at {1}{2}.", DataRef, Short(CommitId), previous is null ? "" : $" (was {Short(previous)})");
        return true;
    }
}
