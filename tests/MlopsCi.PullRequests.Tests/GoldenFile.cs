using System.Runtime.CompilerServices;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// Compares rendered text with <c>Golden/&lt;name&gt;.md</c> in the source tree; with <c>MLOPS_UPDATE_GOLDEN=1</c> it
/// rewrites the file instead (review the diff, then commit it).
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name + ".md");
        if (Environment.GetEnvironmentVariable("MLOPS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with MLOPS_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual.ReplaceLineEndings("\n"));
    }
}
