using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript.Tests;

/// <summary>
/// A small build for runner specs: A &lt;- B &lt;- C is a dependency chain, D is independent, E runs after D
/// when both are scheduled. --fail-on makes one target fail; each target prints "ran X".
/// </summary>
internal sealed class ChainBuild : BuildBase
{
    [Parameter("Name of the target that fails")]
    public string? FailOn { get; init; }

    [Parameter("A value the specs resolve")]
    public string Color { get; init; } = "grey";

    [Parameter("A number the specs resolve")]
    public int? Count { get; init; }

    public Target A => _ => _.Description("first").Executes(_ => Step(nameof(A)));

    public Target B => _ => _.Description("needs A").DependsOn(A).Executes(_ => Step(nameof(B)));

    public Target C => _ => _.Description("needs B").DependsOn(B).Executes(_ => Step(nameof(C)));

    public Target D => _ => _.Description("independent").Executes(_ => Step(nameof(D)));

    public Target E => _ => _.Description("after D").After(D).Executes(_ => Step(nameof(E)));

    public Target Paint => _ => _.Description("needs --count").Requires(nameof(Count)).Executes(_ => Step(nameof(Paint)));

    private Task Step(string name)
    {
        if (FailOn == name)
            throw new BuildException($"{name} broke on purpose");
        Output.WriteLine($"ran {name} with {Color}");
        return Task.CompletedTask;
    }
}
