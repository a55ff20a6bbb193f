using System.CommandLine;
using System.CommandLine.Invocation;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// What <c>-h|--help</c> and <c>help [words]</c> run: a command's usage for a command, else the list of the commands
/// under the words given (a group such as <c>data</c>, or all).
/// </summary>
internal sealed class HelpTextAction(Func<IReadOnlyList<CommandSpec>> commands) : SynchronousCommandLineAction
{
    public const string WordsArgument = "words";

    // Like System.CommandLine's own help: --help wins over whatever else on the line is wrong.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is SpecCommand command)
        {
            HelpText.WriteCommand(output, command.Spec);
            return 0;
        }

        HelpText.WriteOverview(output, commands(), Words(parseResult));
        return 0;
    }

    // The group's words ("data branch"), or those given to the help command ("help data").
    private static List<string> Words(ParseResult parseResult)
    {
        var words = CommandTree.Words(parseResult);
        if (parseResult.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == WordsArgument) is { } given)
        {
            words.RemoveAt(words.Count - 1);
            words.AddRange(parseResult.GetResult(given)?.Tokens.Select(t => t.Value) ?? []);
        }

        return words;
    }
}
