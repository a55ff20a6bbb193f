namespace MlopsCi.BuildScript.Tests;

/// <summary>A throwaway repository root (a folder holding .nuke/), deleted on dispose.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot() => Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlops-build-tests", Guid.NewGuid().ToString("N")[..12]);

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
