using MlopsCi.Core.Errors;
using MlopsCi.Core.Tests;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Tests.Actions;

public sealed class GitHubOutputWriterSpecs : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string path;

    public GitHubOutputWriterSpecs() => path = _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_single_line_value_is_written_as_name_equals_value()
    {
        var writer = new GitHubOutputWriter(path);

        await writer.SetAsync("verdict", "better", CancellationToken.None);
        await writer.SetAsync("comment-url", "https://github.com/o/r/pull/1#issuecomment-2", CancellationToken.None);

        Assert.Equal("verdict=better\ncomment-url=https://github.com/o/r/pull/1#issuecomment-2\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_multi_line_value_is_written_between_random_delimiters()
    {
        var writer = new GitHubOutputWriter(path);

        await writer.SetAsync("report", "line 1\nline 2", CancellationToken.None);

        var lines = (await File.ReadAllTextAsync(path)).Split('\n');
        Assert.StartsWith("report<<ghadelimiter_", lines[0], StringComparison.Ordinal);
        var delimiter = lines[0]["report<<".Length..];
        Assert.Equal(["line 1", "line 2", delimiter, string.Empty], lines[1..]);
    }

    [Fact]
    public async Task Two_multi_line_values_get_different_delimiters()
    {
        var writer = new GitHubOutputWriter(path);

        await writer.SetAsync("a", "x\ny", CancellationToken.None);
        await writer.SetAsync("b", "x\ny", CancellationToken.None);

        var headers = (await File.ReadAllLinesAsync(path)).Where(l => l.Contains("<<", StringComparison.Ordinal)).ToList();
        Assert.NotEqual(headers[0][3..], headers[1][3..]);
    }

    [Fact]
    public void A_delimiter_that_occurs_in_the_value_is_replaced()
    {
        var candidates = new Queue<string>(["EOF", "EOF2"]);
        var writer = new GitHubOutputWriter(path, candidates.Dequeue);

        var text = writer.Format("report", "a\nEOF\nb");

        Assert.Equal("report<<EOF2\na\nEOF\nb\nEOF2\n", text);
    }

    [Fact]
    public void A_carriage_return_makes_a_value_multi_line()
    {
        var writer = new GitHubOutputWriter(path, () => "D");

        Assert.Equal("v<<D\na\rb\nD\n", writer.Format("v", "a\rb"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("a\nb")]
    [InlineData("a<<b")]
    public async Task An_invalid_output_name_is_refused(string name)
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(
            () => new GitHubOutputWriter(path).SetAsync(name, "v", CancellationToken.None));

        Assert.Contains("output name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_comes_from_GITHUB_OUTPUT_and_is_absent_outside_actions()
    {
        var env = new Dictionary<string, string> { ["GITHUB_OUTPUT"] = path };

        Assert.NotNull(GitHubOutputWriter.FromEnvironment(env.GetValueOrDefault));
        Assert.Null(GitHubOutputWriter.FromEnvironment(_ => null));
    }
}
