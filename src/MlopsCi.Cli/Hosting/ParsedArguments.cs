using System.CommandLine;

namespace MlopsCi.Cli.Hosting;

/// <summary>The positional values and options given to one command, read from System.CommandLine's parse result.</summary>
internal sealed class ParsedArguments(SpecCommand command, ParseResult result)
{
    public CommandSpec Command => command.Spec;

    /// <summary>Parses <paramref name="args"/> (options and positionals, without the command's words) for <paramref name="spec"/>; no response files.</summary>
    public static ParsedArguments Parse(CommandSpec spec, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var root = CommandTree.Build([spec], (_, _) => Task.FromResult(0));
        var result = root.Parse([.. spec.Name.Split(' '), .. args], CommandTree.Configuration(workingDirectory: null));
        return result.Errors.Count == 0 && result.CommandResult.Command is SpecCommand parsed
            ? new ParsedArguments(parsed, result)
            : throw ParseErrors.Describe(result, [spec]);
    }

    public string Argument(string name) => OptionalArgument(name) ?? throw new UsageException($"Missing <{name}>.", Command);

    public string? OptionalArgument(string name) =>
        command.Arguments.FirstOrDefault(a => a.Name == name) is { } argument ? result.GetResult(argument)?.Tokens.FirstOrDefault()?.Value : null;

    public string? Option(string name) => Options(name) is [.., var last] ? last : null;

    public IReadOnlyList<string> Options(string name) =>
        command.OptionsByName.TryGetValue(name, out var option) && result.GetResult(option) is { } given ? [.. given.Tokens.Select(t => t.Value)] : [];

    public bool Flag(string name) => command.OptionsByName.TryGetValue(name, out var option) && result.GetResult(option) is { Implicit: false };

    public int IntOption(string name, int fallback)
    {
        var value = Option(name);
        if (value is null)
            return fallback;
        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
            ? parsed
            : throw new UsageException($"--{name} takes a whole number ≥ 0, not '{value}'.", Command);
    }
}
