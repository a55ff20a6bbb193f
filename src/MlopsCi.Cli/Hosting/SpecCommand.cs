using System.CommandLine;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// The System.CommandLine command a <see cref="CommandSpec"/> declares (its last word), with its options by name —
/// its own and the global ones — for <see cref="ParsedArguments"/> to look up.
/// </summary>
internal sealed class SpecCommand : Command
{
    public SpecCommand(string word, CommandSpec spec, IReadOnlyDictionary<string, Option> options)
        : base(word, spec.Summary)
    {
        Spec = spec;
        OptionsByName = options;
    }

    public CommandSpec Spec { get; }

    public IReadOnlyDictionary<string, Option> OptionsByName { get; }
}
