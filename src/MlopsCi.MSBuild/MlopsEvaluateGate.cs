using Microsoft.Build.Framework;
using MlopsCi.MSBuild.Internal;

namespace MlopsCi.MSBuild;

/// <summary>
/// Evaluates the spec's gates on a run (<c>mlops gate</c>), alone or against a baseline model, and fails the build with
/// one <c>MLOPS001</c> error per failing gate, logged at the gate's file and line in the spec.
/// </summary>
public sealed class MlopsEvaluateGate : MlopsToolTask
{
    /// <summary>The run to gate (usually MlopsTrain's RunId).</summary>
    [Required]
    public string RunId { get; set; } = "";

    /// <summary>The spec file whose gates apply.</summary>
    [Required]
    public string Spec { get; set; } = "";

    /// <summary>A baseline model (name@alias, name:version or run id); without one, max-regression gates pass.</summary>
    public string? Baseline { get; set; }

    /// <summary>Whether every gate passed.</summary>
    [Output]
    public bool Passed { get; private set; }

    /// <inheritdoc />
    protected override bool Run()
    {
        var baseline = string.IsNullOrWhiteSpace(Baseline) ? null : Baseline;
        var result = RunTool("gate", "--run", RunId, "--spec", Path.GetFullPath(Spec), baseline is null ? null : "--baseline", baseline);
        if (result.ExitCode is not (0 or 1) || result.Output.Trim().Length == 0)
            return Fail($"Evaluating the gates of {Spec} on run {RunId}", result);
        var json = Json(result);
        Passed = json.GetProperty("passed").GetBoolean();
        var against = baseline is null ? "" : $" against {baseline}";
        foreach (var gate in json.GetProperty("gates").EnumerateArray())
        {
            var reason = gate.GetProperty("reason").GetString();
            if (gate.GetProperty("passed").GetBoolean())
            {
                Log.LogMessage(MessageImportance.High, "MlopsEvaluateGate: gate passed on run {0}{1}: {2}", RunId, against, reason);
                continue;
            }

            Log.LogError(null, ErrorCodes.GateFailed, null, gate.GetProperty("file").GetString(), gate.GetProperty("line").GetInt32(), 0, 0, 0,
                "Gate failed on run {0}{1}: {2}", RunId, against, reason);
        }

        if (Passed && json.GetProperty("gates").GetArrayLength() == 0)
            Log.LogMessage(MessageImportance.High, "MlopsEvaluateGate: {0} has no gates; nothing to check.", Spec);
        return Passed;
    }
}
