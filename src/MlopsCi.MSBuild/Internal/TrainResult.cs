using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlopsCi.MSBuild.Internal;

/// <summary>
/// What a training left behind in obj/: read back by later builds that skip training, so the targets' outputs are the
/// same whether the model was trained now or is up to date.
/// </summary>
internal sealed record TrainResult(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("dataCommit")] string DataCommit,
    [property: JsonPropertyName("modelPath")] string ModelPath,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>Reads a result file.</summary>
    public static TrainResult Read(string path) =>
        JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(path), Options) ?? throw new JsonException($"{path} is empty.");

    /// <summary>Writes the result file (its folder is created).</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Options));
    }
}
