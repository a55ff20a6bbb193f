using System.CommandLine;
using System.CommandLine.Parsing;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Builds the System.CommandLine tree from the <see cref="CommandSpec"/> declarations: a command per word
/// ("data branch create" nests under "data" and "branch"), the global options on the root (accepted anywhere), the
/// help and version options, a hidden <c>help [words]</c> command, and response files (<c>@file</c>).
/// </summary>
/// <remarks>
/// Start-up pays for every type this touches (System.CommandLine ships without ReadyToRun code), so it is plain
/// loops, and the root is a <see cref="RootCommand"/> only when a directive (<c>[suggest:…]</c>) needs one: its
/// constructor adds the library's help and version options, whose descriptions come through a ResourceManager
/// (about 8 ms of CPU, more than the rest of the tree).
/// </remarks>
internal static class CommandTree
{
    /// <param name="specs">The commands of the tree.</param>
    /// <param name="run">Runs a parsed command.</param>
    /// <param name="directives">Whether a directive (<c>[suggest:…]</c>) may come first.</param>
    /// <param name="helpCommands">The commands the help lists (default: <paramref name="specs"/>), read only when help is asked for.</param>
    public static Command Build(IReadOnlyList<CommandSpec> specs, Func<ParsedArguments, CancellationToken, Task<int>> run, bool directives = false, Func<IReadOnlyList<CommandSpec>>? helpCommands = null)
    {
        var root = directives ? new RootCommand(HelpText.Title) : new Command("mlops", HelpText.Title);
        root.Options.Clear();
        var help = new HelpTextAction(helpCommands ?? (() => specs));
        root.Options.Add(new Option<bool>("--" + GlobalOptions.Help.Name, GlobalOptions.Help.Alias!) { Description = GlobalOptions.Help.Description, Arity = ArgumentArity.Zero, Recursive = true, Action = help });
        root.Options.Add(new Option<bool>("--version") { Description = "show the version", Arity = ArgumentArity.Zero, Action = new VersionAction() });
        var globals = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var spec in GlobalOptions.All)
        {
            if (spec == GlobalOptions.Help)
                continue;
            var option = ToOption(spec, recursive: true);
            globals.Add(spec.Name, option);
            root.Options.Add(option);
        }

        root.Subcommands.Add(HelpCommand(help));

        // By name, so that "monitor" is a command before "monitor history" nests under it (List.Sort: no LINQ to compile at start-up).
        var ordered = new List<CommandSpec>(specs);
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var spec in ordered)
            Add(root, spec, globals, run);
        return root;
    }

    /// <summary>
    /// POSIX bundling off (no command has single-letter flags to bundle, and "-mx" stays an unknown option);
    /// response files resolved against the working directory, which is not the process's in tests and other hosts.
    /// </summary>
    public static ParserConfiguration Configuration(string? workingDirectory)
    {
        var configuration = new ParserConfiguration { EnablePosixBundling = false };
        var readResponseFile = configuration.ResponseFileTokenReplacer!;
        configuration.ResponseFileTokenReplacer = workingDirectory is null
            ? null
            : (string token, out IReadOnlyList<string>? replacement, out string? error) => readResponseFile(Path.GetFullPath(token, workingDirectory), out replacement, out error);
        return configuration;
    }

    /// <summary>The words of the command a parse ended on, without the root's ("data branch").</summary>
    public static List<string> Words(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var words = new List<string>();
        for (var command = result.CommandResult; command.Parent is CommandResult parent; command = parent)
            words.Insert(0, command.Command.Name);
        return words;
    }

    private static void Add(Command root, CommandSpec spec, Dictionary<string, Option> globals, Func<ParsedArguments, CancellationToken, Task<int>> run)
    {
        var words = spec.Name.Split(' ');
        var parent = root;
        for (var i = 0; i < words.Length - 1; i++)
            parent = Child(parent, words[i]);
        var options = new Dictionary<string, Option>(globals, StringComparer.Ordinal);
        var command = new SpecCommand(words[^1], spec, options);
        foreach (var optionSpec in spec.Options)
        {
            var option = ToOption(optionSpec, recursive: false);
            options[optionSpec.Name] = option;
            command.Options.Add(option);
        }

        foreach (var name in spec.Arguments)
            command.Arguments.Add(new Argument<string>(name.TrimEnd('?')) { Arity = name.EndsWith('?') ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne });
        command.SetAction((result, cancellation) => run(new ParsedArguments(command, result), cancellation));
        parent.Subcommands.Add(command);
    }

    // A group word ("data", "branch") is a command without an action; run alone, it is an unknown command.
    private static Command Child(Command parent, string word)
    {
        foreach (var existing in parent.Subcommands)
        {
            if (existing.Name == word)
                return existing;
        }

        var group = new Command(word, $"the {word} commands");
        parent.Subcommands.Add(group);
        return group;
    }

    // Every option carries its values as text, as handlers read them; a scalar one given twice keeps its last value.
    private static Option ToOption(OptionSpec spec, bool recursive)
    {
        string[] aliases = spec.Alias is null ? [] : [spec.Alias];
        Option option = spec.IsFlag
            ? new Option<bool>("--" + spec.Name, aliases) { Arity = ArgumentArity.Zero }
            : new Option<string[]>("--" + spec.Name, aliases) { Arity = ArgumentArity.OneOrMore, HelpName = spec.ValueName };
        option.Description = spec.Description;
        option.Recursive = recursive;
        return option;
    }

    private static Command HelpCommand(HelpTextAction help)
    {
        var command = new Command("help", "show help") { Hidden = true, Action = help };
        command.Arguments.Add(new Argument<string[]>(HelpTextAction.WordsArgument) { Arity = ArgumentArity.ZeroOrMore });
        return command;
    }
}
