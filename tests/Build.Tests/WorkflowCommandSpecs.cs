using MlopsCi.GitHub.Actions;

namespace MlopsCi.BuildScript.Tests;

/// <summary>The runner's workflow commands go through the GitHub adapter's formatter, compiled in as a linked file.</summary>
public sealed class WorkflowCommandSpecs
{
    [Fact]
    public void The_runner_escapes_percent_line_breaks_colons_and_commas_in_properties_and_the_first_three_in_the_message()
    {
        var line = WorkflowCommandFormat.Format("error", [new("title", "Target a:b,c failed")], "100% worse\r\nsee: report, page 2");

        Assert.Equal("::error title=Target a%3Ab%2Cc failed::100%25 worse%0D%0Asee: report, page 2", line);
    }

    [Fact]
    public void The_formatter_is_the_adapters_source_file_not_a_copy()
    {
        Assert.Equal("_build", typeof(WorkflowCommandFormat).Assembly.GetName().Name);
        var source = Path.Combine(RepositoryRoot(), "src", "MlopsCi.GitHub", "Actions", "WorkflowCommandFormat.cs");
        Assert.True(File.Exists(source), source);
        Assert.DoesNotContain(
            Directory.GetFiles(Path.Combine(RepositoryRoot(), "build"), "*.cs", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("\"%25\"", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "build", "_build.csproj")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
