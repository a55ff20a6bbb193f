using Microsoft.Build.Framework;
using MlopsCi.MSBuild.Internal;

namespace MlopsCi.MSBuild;

/// <summary>
/// Trains the spec's model on data at a ref (<c>mlops train</c>), records the run in the store, writes the model to
/// <see cref="ModelFile"/> and a result file that later, up-to-date builds read back with <see cref="MlopsReadTrainResult"/>.
/// </summary>
public sealed class MlopsTrain : MlopsToolTask
{
    /// <summary>The data ref to train on.</summary>
    [Required]
    public string DataRef { get; set; } = "";

    /// <summary>The spec file (mlops.yml).</summary>
    [Required]
    public string Spec { get; set; } = "";

    /// <summary>Where the trained model (ML.NET zip) is written.</summary>
    [Required]
    public string ModelFile { get; set; } = "";

    /// <summary>Where the run id, data commit, model path and metrics are recorded for later builds.</summary>
    [Required]
    public string ResultFile { get; set; } = "";

    /// <summary>The git commit of the code, recorded as a tag on the run (optional).</summary>
    public string? GitSha { get; set; }

    /// <summary>The model file written.</summary>
    [Output]
    public string ModelPath { get; private set; } = "";

    /// <summary>The id of the recorded run.</summary>
    [Output]
    public string RunId { get; private set; } = "";

    /// <summary>The data commit the model was trained on.</summary>
    [Output]
    public string DataCommit { get; private set; } = "";

    /// <summary>One item per metric: ItemSpec and <c>Name</c> are the metric's name, <c>Value</c> its value.</summary>
    [Output]
    public ITaskItem[] Metrics { get; private set; } = [];

    /// <summary>True when this task trained (an up-to-date target leaves it unset).</summary>
    [Output]
    public bool Trained { get; private set; }

    /// <inheritdoc />
    protected override bool Run()
    {
        if (!File.Exists(Spec))
        {
            Log.LogError(null, ErrorCodes.Configuration, null, null, 0, 0, 0, 0, "The spec file '{0}' does not exist. Set MlopsSpec to your mlops.yml.", Spec);
            return false;
        }

        Log.LogMessage(MessageImportance.High, "MlopsTrain: training per {0} on '{1}' …", Spec, DataRef);
        var trained = RunTool("train", "--ref", DataRef, "--spec", Path.GetFullPath(Spec), string.IsNullOrEmpty(GitSha) ? null : "--git-sha", string.IsNullOrEmpty(GitSha) ? null : GitSha);
        if (!trained.Succeeded)
            return Fail($"Training per {Spec} on '{DataRef}'", trained);
        var run = Json(trained);
        var runId = run.GetProperty("id").GetString()!;
        var model = Path.GetFullPath(ModelFile);
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        var exported = RunTool("models", "export", runId, model);
        if (!exported.Succeeded)
            return Fail($"Writing the model of run {runId} to {model}", exported);
        var metrics = run.GetProperty("metrics").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetDouble(), StringComparer.Ordinal);
        var result = new TrainResult(runId, run.GetProperty("dataCommit").GetString()!, model, metrics);
        result.Write(ResultFile);
        Publish(result);
        Trained = true;
        Log.LogMessage(MessageImportance.High, "MlopsTrain: trained run {0} on {1}; model {2}.", RunId, Short(DataCommit), ModelPath);
        return true;
    }

    private void Publish(TrainResult result)
    {
        (RunId, DataCommit, ModelPath) = (result.RunId, result.DataCommit, result.ModelPath);
        Metrics = MetricItems.From(result.Metrics);
    }
}
