namespace MlopsCi.Action.Tests.Runner;

/// <summary>Checks every step's log must pass: the token masked before anything else and never shown, groups not nested.</summary>
internal static class StepAssert
{
    public static void MaskedAndGrouped(StepResult step, string token)
    {
        Assert.Equal("::add-mask::" + token, step.Lines[0]);
        var all = (step.Out + "\n" + step.Error + "\n" + step.Summary + "\n" + string.Join("\n", step.Outputs.Values)).Split('\n');
        Assert.All(all.Where(l => l.Contains(token, StringComparison.Ordinal)), l => Assert.Equal("::add-mask::" + token, l.TrimEnd('\r')));
        var open = false;
        foreach (var line in step.Lines)
        {
            if (line.StartsWith("::group::", StringComparison.Ordinal))
            {
                Assert.False(open, $"a group opens inside another:\n{step}");
                open = true;
            }
            else if (line == "::endgroup::")
            {
                Assert.True(open, $"a group ends that was not open:\n{step}");
                open = false;
            }
        }

        Assert.False(open, $"a group is left open:\n{step}");
    }

    public static void NoOutputsBut(StepResult step, string verdict)
    {
        Assert.Equal(verdict, step.Outputs["verdict"]);
        Assert.All(step.Outputs.Where(o => o.Key != "verdict"), o => Assert.Equal("", o.Value));
    }
}
