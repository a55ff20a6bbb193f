using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Drift.Tests;

/// <summary>Commits text files to a <see cref="TempRepository"/> and tags the commit.</summary>
internal static class RepositoryText
{
    /// <summary>Makes <paramref name="branch"/> exactly these files (repository path → content); tags the commit when asked.</summary>
    public static async Task<string> CommitTextAsync(this TempRepository repo, string branch, IReadOnlyDictionary<string, string> files, string? tag = null, System.Text.Encoding? encoding = null)
    {
        var local = files.ToDictionary(f => f.Key, f => repo.WriteFile(Path.GetFileName(f.Key), f.Value));
        if (encoding is not null)
        {
            foreach (var (path, file) in local)
                File.WriteAllText(file, files[path], encoding);
        }

        var commit = await repo.CommitAsync(branch, local);
        if (tag is not null)
            await repo.Repository.CreateTagAsync(tag, commit, default);
        return commit;
    }
}
