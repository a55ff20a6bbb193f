using MlopsCi.Core.Errors;
using MlopsCi.Core.Tests;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Tests.Actions;

public sealed class StepSummaryWriterSpecs : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string path;

    public StepSummaryWriterSpecs() => path = _temp.Combine("summary");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Markdown_is_appended_each_part_ending_with_a_line_break()
    {
        await File.WriteAllTextAsync(path, "# Earlier step\n");
        var writer = new StepSummaryWriter(path);

        await writer.AppendAsync("## Model report", CancellationToken.None);
        await writer.AppendAsync("| metric | value |\n|---|---|\n", CancellationToken.None);

        Assert.Equal("# Earlier step\n## Model report\n| metric | value |\n|---|---|\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Text_is_written_as_utf8_without_a_byte_order_mark()
    {
        await new StepSummaryWriter(path).AppendAsync("Δ rmse −2 %", CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("Δ rmse −2 %\n", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task A_summary_over_one_mebibyte_is_refused_and_the_file_left_as_it_was()
    {
        var writer = new StepSummaryWriter(path);
        await writer.AppendAsync(new string('a', StepSummaryWriter.MaxBytes - 10), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => writer.AppendAsync(new string('b', 100), CancellationToken.None));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(StepSummaryWriter.MaxBytes - 9, new FileInfo(path).Length);
    }

    [Fact]
    public void The_writer_comes_from_GITHUB_STEP_SUMMARY_and_is_absent_outside_actions()
    {
        var env = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = path };

        Assert.NotNull(StepSummaryWriter.FromEnvironment(env.GetValueOrDefault));
        Assert.Null(StepSummaryWriter.FromEnvironment(_ => null));
    }
}
