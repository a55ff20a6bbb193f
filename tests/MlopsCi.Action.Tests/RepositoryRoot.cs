namespace MlopsCi.Action.Tests;

/// <summary>The repository the tests run in: the folder above the test binaries that holds MlopsCi.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MlopsCi.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No MlopsCi.sln above {AppContext.BaseDirectory}.");
    }
}
