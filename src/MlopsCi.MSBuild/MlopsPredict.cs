using Microsoft.Build.Framework;
using MlopsCi.MSBuild.Internal;

namespace MlopsCi.MSBuild;

/// <summary>
/// Writes every row of a file with a model's prediction (<c>mlops predict</c>) to a CSV or Parquet file (chosen by the
/// extension of <see cref="OutputFile"/>). The rows are a local file (<see cref="Input"/>) or a file of the data
/// repository at a ref (<see cref="DataPath"/> at <see cref="DataRef"/>); they need no label.
/// </summary>
public sealed class MlopsPredict : MlopsToolTask
{
    /// <summary>The model: a run id (e.g. MlopsTrain's RunId), name@alias or name:version.</summary>
    [Required]
    public string Model { get; set; } = "";

    /// <summary>A local file to predict on (.csv, .tsv, .csv.gz, .parquet); relative to the working directory.</summary>
    public string? Input { get; set; }

    /// <summary>The data ref <see cref="DataPath"/> is read at (main when empty).</summary>
    public string? DataRef { get; set; }

    /// <summary>A file in the data repository, instead of <see cref="Input"/>.</summary>
    public string? DataPath { get; set; }

    /// <summary>Where the predictions are written: a .csv or .parquet file (relative to the working directory).</summary>
    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>The file written.</summary>
    [Output]
    public string OutputPath { get; private set; } = "";

    /// <summary>How many rows were written.</summary>
    [Output]
    public long Rows { get; private set; }

    /// <inheritdoc />
    protected override bool Run()
    {
        var local = !string.IsNullOrWhiteSpace(Input);
        if (local == !string.IsNullOrWhiteSpace(DataPath))
        {
            Log.LogError(null, ErrorCodes.Configuration, null, null, 0, 0, 0, 0,
                "MlopsPredict needs the rows to predict on: set MlopsPredictInput (a local file) or MlopsPredictPath (a file in the data repository at MlopsPredictDataRef), one of the two.");
            return false;
        }

        var folder = string.IsNullOrEmpty(WorkingDirectory) ? Directory.GetCurrentDirectory() : WorkingDirectory;
        if (local && !File.Exists(Path.GetFullPath(Input!, folder)))
        {
            Log.LogError(null, ErrorCodes.Configuration, null, null, 0, 0, 0, 0, "The input file '{0}' does not exist. Set MlopsPredictInput to the file to predict on.", Path.GetFullPath(Input!, folder));
            return false;
        }

        var output = Path.GetFullPath(OutputFile, folder);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string?[] rows = local ? ["--input", Path.GetFullPath(Input!, folder)] : ["--ref", string.IsNullOrWhiteSpace(DataRef) ? "main" : DataRef, "--path", DataPath];
        var result = RunTool(["predict", "--model", Model, .. rows, "--out", output]);
        if (!result.Succeeded)
            return Fail($"Predicting with {Model} on {(local ? Input : $"{DataPath} at '{DataRef}'")}", result);
        var json = Json(result);
        (OutputPath, Rows) = (json.GetProperty("output").GetString()!, json.GetProperty("rows").GetInt64());
        Log.LogMessage(MessageImportance.High, "MlopsPredict: wrote {0} rows with predictions of {1} to {2} ({3:N0} rows/s).",
            Rows, json.GetProperty("model").GetString(), OutputPath, json.GetProperty("rowsPerSecond").GetDouble());
        return true;
    }
}
