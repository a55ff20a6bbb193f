using MlopsCi.Core.Hooks.Internal;

namespace MlopsCi.Hooks.Tests;

/// <summary>File and branch globs.</summary>
public sealed class GlobSpecs
{
    [Theory]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "trips/2024/a.csv", true)]
    [InlineData("*.csv", "a.csv.bak", false)]
    [InlineData("trips/*.csv", "trips/a.csv", true)]
    [InlineData("trips/*.csv", "trips/2024/a.csv", false)]
    [InlineData("trips/**/*.csv", "trips/a.csv", true)]
    [InlineData("trips/**/*.csv", "trips/2024/01/a.csv", true)]
    [InlineData("trips/**", "trips/2024/a.csv", true)]
    [InlineData("*.{csv,tsv}", "x/a.tsv", true)]
    [InlineData("part-[0-9].csv", "part-7.csv", true)]
    [InlineData("part-[!0-9].csv", "part-7.csv", false)]
    [InlineData("a?.csv", "ab.csv", true)]
    [InlineData("a+b (1).csv", "a+b (1).csv", true)]
    public void File_globs_match_names_anywhere_without_a_slash_and_whole_paths_with_one(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Path(pattern).IsMatch(path));

    [Theory]
    [InlineData("*", "main", true)]
    [InlineData("*", "feature/new-data", true)]
    [InlineData("main", "main", true)]
    [InlineData("main", "main-2", false)]
    [InlineData("pr-*", "pr-42", true)]
    [InlineData("release/*", "release/1.0", true)]
    public void Branch_globs_let_a_star_cross_slashes(string pattern, string branch, bool expected) =>
        Assert.Equal(expected, Glob.Branch(pattern).IsMatch(branch));
}
