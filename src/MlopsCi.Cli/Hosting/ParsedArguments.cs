using MlopsCi.Core.Errors;

namespace MlopsCi.Cli.Hosting;

/// <summary>The positional values and options given to one command.</summary>
internal sealed class ParsedArguments(CommandSpec command, IReadOnlyDictionary<string, string> positionals, IReadOnlyDictionary<string, List<string>> options)
{
    public CommandSpec Command { get; } = command;

    public string Argument(string name) => positionals.TryGetValue(name, out var value) ? value : throw new UsageException($"Missing <{name}>.", Command);

    public string? OptionalArgument(string name) => positionals.GetValueOrDefault(name);

    public string? Option(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Options(string name) => options.TryGetValue(name, out var values) ? values : [];

    public bool Flag(string name) => options.ContainsKey(name);

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

/// <summary>Bad command-line usage (exit 2); the message is followed by the command's usage line.</summary>
internal sealed class UsageException(string message, CommandSpec? command) : InvalidInputException(command is null ? message : $"{message}\nusage: {command.Usage}")
{
}
