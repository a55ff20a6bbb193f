using System.CommandLine;
using System.CommandLine.Help;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Builds the System.CommandLine tree from the <see cref="CommandSpec"/> declarations: a command per word
/// ("data branch create" nests under "data" and "branch"), the global options on the root (accepted anywhere), the
/// help and version options, a hidden <c>help [words]</c> command, and response files (<c>@file</c>).
/// </summary>
internal static class CommandTree
{
    public static RootCommand Build(IReadOnlyList<CommandSpec> specs, Func<ParsedArguments, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand(HelpText.Title);
        root.Options.Clear();
        var help = new HelpTextAction(specs);
        root.Options.Add(new HelpOption("--" + GlobalOptions.Help.Name, GlobalOptions.Help.Alias!) { Recursive = true, Action = help });
        root.Options.Add(new VersionOption { Action = new VersionAction() });
        var globals = GlobalOptions.All.Where(o => o != GlobalOptions.Help).ToDictionary(o => o.Name, o => ToOption(o, recursive: true), StringComparer.Ordinal);
        foreach (var option in globals.Values)
            root.Options.Add(option);
        root.Subcommands.Add(HelpCommand(help));

        // Fewer words first, so that "monitor" exists as a command before "monitor history" nests under it.
        foreach (var spec in specs.OrderBy(s => s.Name.Count(c => c == ' ')).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var words = spec.Name.Split(' ');
            var parent = words[..^1].Aggregate((Command)root, Child);
            var options = spec.Options.ToDictionary(o => o.Name, o => ToOption(o, recursive: false), StringComparer.Ordinal);
            var command = new SpecCommand(words[^1], spec, options.Concat(globals.Where(g => !options.ContainsKey(g.Key))).ToDictionary(StringComparer.Ordinal));
            foreach (var option in options.Values)
                command.Options.Add(option);
            foreach (var name in spec.Arguments)
                command.Arguments.Add(new Argument<string>(name.TrimEnd('?')) { Arity = name.EndsWith('?') ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne });
            command.SetAction((result, cancellation) => run(new ParsedArguments(command, result), cancellation));
            parent.Subcommands.Add(command);
        }

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

    // A group word ("data", "branch") is a command without an action; run alone, it is an unknown command.
    private static Command Child(Command parent, string word)
    {
        if (parent.Subcommands.FirstOrDefault(c => c.Name == word) is { } existing)
            return existing;
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
