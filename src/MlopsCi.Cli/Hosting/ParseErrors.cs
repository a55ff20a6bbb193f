using System.CommandLine;
using System.CommandLine.Parsing;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Turns System.CommandLine's parse errors into mlops's usage errors (exit 2): the first problem, named the way a
/// person fixes it (the unknown option, the missing &lt;argument&gt;, the option without its value), with the usage line
/// and where the help is; an incomplete or unknown command lists the commands it may have meant.
/// </summary>
internal static class ParseErrors
{
    public static InvalidInputException Describe(ParseResult result, IReadOnlyList<CommandSpec> commands)
    {
        ArgumentNullException.ThrowIfNull(result);

        // Errors before parsing (a response file that cannot be read) belong to no command.
        if (result.Errors.FirstOrDefault(e => e.SymbolResult is null) is { } early)
            return new InvalidInputException($"{early.Message}\n'mlops --help' for details.");
        if (result.CommandResult.Command is not SpecCommand { Spec: var spec })
            return UnknownCommand(result, commands);
        if (result.UnmatchedTokens.FirstOrDefault(IsOption) is { } option)
            return new UsageException($"Unknown option '{option}' for 'mlops {spec.Name}'.", spec);
        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Tokens.Count: 0 } given:
                    return new UsageException($"Option {given.Option.Name} needs a value <{given.Option.HelpName}>.", spec);
                case ArgumentResult missing:
                    return new UsageException($"Missing <{missing.Argument.Name}>.", spec);
            }
        }

        return result.UnmatchedTokens is [var extra, ..]
            ? new UsageException($"Unexpected argument '{extra}'.", spec)
            : new UsageException(result.Errors[0].Message, spec);
    }

    private static InvalidInputException UnknownCommand(ParseResult result, IReadOnlyList<CommandSpec> commands)
    {
        var words = CommandTree.Words(result);
        words.AddRange(result.UnmatchedTokens.TakeWhile(t => !IsOption(t)));
        if (words.Count == 0 && result.UnmatchedTokens.FirstOrDefault(IsOption) is { } option)
        {
            var meant = Suggest.Closest(option, ["--version", .. GlobalOptions.All.Select(o => "--" + o.Name)]);
            return new InvalidInputException($"Unknown option '{option}'{(meant is null ? "" : $" (did you mean '{meant}'?)")}.\n'mlops --help' for details.");
        }

        if (words.Count == 0)
            return new InvalidInputException($"No command given.\n{HelpText.CommandList(commands, words)}\n'mlops --help' for details.");
        return new InvalidInputException($"Unknown command '{string.Join(' ', ["mlops", .. words])}'.\n{HelpText.CommandList(commands, words)}\n'mlops --help' for details.");
    }

    // "-5" is a value, not an option.
    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);
}
