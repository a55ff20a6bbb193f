using Microsoft.Build.Framework;
using MlopsCi.MSBuild.Internal;

namespace MlopsCi.MSBuild;

/// <summary>
/// Reads what <see cref="MlopsTrain"/> recorded, in process (no tool run): gives an up-to-date build the same outputs as
/// the build that trained.
/// </summary>
public sealed class MlopsReadTrainResult : Microsoft.Build.Utilities.Task
{
    /// <summary>The result file written by <see cref="MlopsTrain"/>.</summary>
    [Required]
    public string ResultFile { get; set; } = "";

    /// <summary>The model file.</summary>
    [Output]
    public string ModelPath { get; private set; } = "";

    /// <summary>The id of the run that trained the model.</summary>
    [Output]
    public string RunId { get; private set; } = "";

    /// <summary>The data commit the model was trained on.</summary>
    [Output]
    public string DataCommit { get; private set; } = "";

    /// <summary>One item per metric with <c>Name</c> and <c>Value</c> metadata.</summary>
    [Output]
    public ITaskItem[] Metrics { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var result = TrainResult.Read(ResultFile);
            (RunId, DataCommit, ModelPath) = (result.RunId, result.DataCommit, result.ModelPath);
            Metrics = MetricItems.From(result.Metrics);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Log.LogError(null, ErrorCodes.UnexpectedOutput, null, ResultFile, 0, 0, 0, 0,
                "Could not read the training result {0} ({1}). Delete it (or run a rebuild) to train again.", ResultFile, e.Message);
            return false;
        }
    }
}
