namespace MlopsCi.Core.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder and, inside it, each of <paramref name="subfolders"/> (e.g. ".nuke" for a build root).</summary>
    public TempFolder(params string[] subfolders)
    {
        Directory.CreateDirectory(Path);
        foreach (var subfolder in subfolders)
            Directory.CreateDirectory(Combine(subfolder));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlops-tests", Guid.NewGuid().ToString("N")[..12]);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relative, string content)
    {
        var full = Combine(relative);
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
