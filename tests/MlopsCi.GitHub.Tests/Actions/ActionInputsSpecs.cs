using MlopsCi.Core.Errors;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Tests.Actions;

public sealed class ActionInputsSpecs
{
    [Theory]
    [InlineData("github-token", "INPUT_GITHUB-TOKEN")]
    [InlineData("required approvals", "INPUT_REQUIRED_APPROVALS")]
    [InlineData("data_path", "INPUT_DATA_PATH")]
    [InlineData("Spec", "INPUT_SPEC")]
    public void Input_names_map_to_upper_case_variables_with_spaces_as_underscores_and_hyphens_kept(string name, string variable)
    {
        Assert.Equal(variable, ActionInputs.VariableName(name));
    }

    [Fact]
    public void An_input_is_read_trimmed()
    {
        var env = new Dictionary<string, string> { ["INPUT_GITHUB-TOKEN"] = "  abc \n" };

        Assert.Equal("abc", new ActionInputs(env.GetValueOrDefault).Get("github-token"));
    }

    [Fact]
    public void An_empty_input_reads_as_unset()
    {
        var env = new Dictionary<string, string> { ["INPUT_SPEC"] = "   " };

        Assert.Null(new ActionInputs(env.GetValueOrDefault).Get("spec"));
    }

    [Fact]
    public void A_missing_required_input_is_refused_naming_the_input_and_its_variable()
    {
        var ex = Assert.Throws<InvalidInputException>(() => new ActionInputs(_ => null).GetRequired("data path"));

        Assert.Contains("'data path'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("INPUT_DATA_PATH", ex.Message, StringComparison.Ordinal);
        Assert.Contains("with:", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.ExitCode);
    }

    [Fact]
    public void A_given_required_input_is_returned()
    {
        var env = new Dictionary<string, string> { ["INPUT_SPEC"] = "mlops.yml" };

        Assert.Equal("mlops.yml", new ActionInputs(env.GetValueOrDefault).GetRequired("spec"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Boolean_inputs_accept_the_yaml_core_spellings(string value, bool expected)
    {
        var env = new Dictionary<string, string> { ["INPUT_DRY-RUN"] = value };

        Assert.Equal(expected, new ActionInputs(env.GetValueOrDefault).GetBoolean("dry-run", !expected));
    }

    [Fact]
    public void An_unset_boolean_input_takes_the_default()
    {
        Assert.True(new ActionInputs(_ => null).GetBoolean("dry-run", true));
    }

    [Fact]
    public void A_boolean_input_with_another_word_is_refused()
    {
        var env = new Dictionary<string, string> { ["INPUT_DRY-RUN"] = "yes" };

        var ex = Assert.Throws<InvalidInputException>(() => new ActionInputs(env.GetValueOrDefault).GetBoolean("dry-run", false));

        Assert.Contains("'yes'", ex.Message, StringComparison.Ordinal);
    }
}
