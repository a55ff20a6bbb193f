using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public sealed class NameSpecs
{
    [Theory]
    [InlineData("a..b")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("ctl\u0001")]
    [InlineData("-leading")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("")]
    [InlineData("x.lock")]
    [InlineData("a:b")]
    public void Invalid_branch_names_are_refused_with_the_rule(string name)
    {
        var error = Assert.Throws<InvalidInputException>(() => RefNames.Validate(name, "branch"));

        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith("Invalid branch name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("pr-42")]
    [InlineData("feature/new-data")]
    [InlineData("v1.2.3")]
    public void Ordinary_names_are_accepted(string name) => Assert.Null(RefNames.Problem(name));

    [Theory]
    [InlineData("../x")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("new\nline")]
    public void Paths_that_escape_or_hide_are_invalid(string path) => Assert.False(PathRules.IsValid(path));
}
