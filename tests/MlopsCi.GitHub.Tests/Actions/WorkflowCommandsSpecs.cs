using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Tests.Actions;

public sealed class WorkflowCommandsSpecs
{
    private readonly StringWriter output = new();

    private WorkflowCommands Commands => new(output);

    private string[] Lines => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Groups_open_and_close()
    {
        Commands.Group("Train candidate");
        Commands.EndGroup();

        Assert.Equal(["::group::Train candidate", "::endgroup::"], Lines);
    }

    [Fact]
    public void A_group_scope_closes_once_on_dispose()
    {
        var scope = Commands.BeginGroup("Evaluate");
        scope.Dispose();
        scope.Dispose();

        Assert.Equal(["::group::Evaluate", "::endgroup::"], Lines);
    }

    [Fact]
    public void An_error_carries_file_line_column_and_title()
    {
        Commands.Error("rmse got worse", new AnnotationProperties(File: "mlops.yml", Line: 12, Column: 5, Title: "Gate failed"));

        Assert.Equal(["::error file=mlops.yml,line=12,col=5,title=Gate failed::rmse got worse"], Lines);
    }

    [Fact]
    public void Warnings_and_notices_without_properties_have_none()
    {
        Commands.Warning("drift in column age");
        Commands.Notice("model promoted");

        Assert.Equal(["::warning::drift in column age", "::notice::model promoted"], Lines);
    }

    [Fact]
    public void End_line_and_end_column_use_the_runner_names()
    {
        Commands.Notice("n", new AnnotationProperties(File: "a.csv", Line: 1, EndLine: 3, Column: 2, EndColumn: 4));

        Assert.Equal(["::notice file=a.csv,line=1,endLine=3,col=2,endColumn=4::n"], Lines);
    }

    [Fact]
    public void Message_data_escapes_percent_and_line_breaks()
    {
        Commands.Error("100% worse\r\nsee: report, page 2");

        Assert.Equal(["::error::100%25 worse%0D%0Asee: report, page 2"], Lines);
    }

    [Fact]
    public void Property_values_also_escape_colons_and_commas()
    {
        Commands.Warning("m", new AnnotationProperties(File: "data/a,b.csv", Title: "Gate: rmse 5%\nworse"));

        Assert.Equal(["::warning file=data/a%2Cb.csv,title=Gate%3A rmse 5%25%0Aworse::m"], Lines);
    }

    [Fact]
    public void The_escaping_functions_match_the_runner_rules()
    {
        Assert.Equal("a%25b%0Dc%0Ad:e,f", WorkflowCommandFormat.EscapeData("a%b\rc\nd:e,f"));
        Assert.Equal("a%25b%0Dc%0Ad%3Ae%2Cf", WorkflowCommandFormat.EscapeProperty("a%b\rc\nd:e,f"));
    }

    [Fact]
    public void Percent_line_breaks_colons_and_commas_are_escaped_in_properties_and_only_the_first_three_in_the_message()
    {
        var line = WorkflowCommandFormat.Format("error", [new("file", "a%b\rc\nd:e,f"), new("title", "x:y,z")], "a%b\rc\nd:e,f");

        Assert.Equal("::error file=a%25b%0Dc%0Ad%3Ae%2Cf,title=x%3Ay%2Cz::a%25b%0Dc%0Ad:e,f", line);
    }

    [Fact]
    public void A_secret_is_masked()
    {
        Commands.AddMask("s3cr%t");

        Assert.Equal(["::add-mask::s3cr%25t"], Lines);
    }

    [Fact]
    public void A_multi_line_secret_is_masked_whole_and_line_by_line()
    {
        Commands.AddMask("-----BEGIN KEY-----\nabc\n-----END KEY-----");

        Assert.Equal(
            [
                "::add-mask::-----BEGIN KEY-----%0Aabc%0A-----END KEY-----",
                "::add-mask::-----BEGIN KEY-----",
                "::add-mask::abc",
                "::add-mask::-----END KEY-----",
            ],
            Lines);
    }

    [Fact]
    public void An_empty_secret_writes_nothing()
    {
        Commands.AddMask(string.Empty);

        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Debug_lines_use_the_debug_command()
    {
        Commands.Debug("seed=42");

        Assert.Equal(["::debug::seed=42"], Lines);
    }
}
