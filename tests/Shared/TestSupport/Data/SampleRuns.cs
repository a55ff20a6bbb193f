using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Testing;

/// <summary>Run records built in memory, for specs of how a run is shown (console, web page), not how it is made.</summary>
public static class SampleRuns
{
    /// <summary>A finished multiclass run 'r1' of model 'birds' on main @ 0123456789ab: 878 train and 183 evaluation rows.</summary>
    public static RunRecord Birds() => new(
        "r1", "birds", RunStatus.Finished, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1),
        new Dictionary<string, string>(), new Dictionary<string, double> { ["micro-accuracy"] = 0.5 }, new Dictionary<string, string>(), "main", "0123456789abcdef", [], "s",
        new ModelSpec("birds", ModelTask.Multiclass, new ModelDataSpec("a.csv", null, null), "damage", [], [], [], [], "lightgbm", new Dictionary<string, string>(), 1),
        null, null, [], new RunEnvironment("linux", ".NET", 2, new Dictionary<string, string>()), 878, 183);

    /// <summary>birdstrikes' shape: 8,939 of 10,000 rows whose label is 'None', a default missing marker.</summary>
    public static UnlabelledRows NoneLabels() =>
        new(8939, 10000, new Dictionary<string, int> { ["None"] = 8939 }, MissingValues.Default.Markers, Declared: false);
}
