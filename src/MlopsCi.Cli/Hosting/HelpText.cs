namespace MlopsCi.Cli.Hosting;

/// <summary>The help, rendered from the command declarations: the command list with the global options, or one command's usage.</summary>
internal static class HelpText
{
    public const string Title = "mlops — data version control, ML.NET training and pull-request reports for CI.";

    /// <summary>The commands whose words start with <paramref name="words"/> (else with the first word, else all), one a line.</summary>
    public static string CommandList(IReadOnlyList<CommandSpec> commands, IReadOnlyList<string> words)
    {
        var prefix = string.Join(' ', words);
        var matching = commands.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (matching.Count == 0 && words.Count > 0)
            matching = [.. commands.Where(c => c.Name.StartsWith(words[0], StringComparison.Ordinal))];
        if (matching.Count == 0)
            matching = [.. commands];
        return "Commands:\n" + string.Join('\n', matching.Select(c => $"  mlops {c.Name,-24} {c.Summary}"));
    }

    public static void WriteOverview(TextWriter output, IReadOnlyList<CommandSpec> commands, IReadOnlyList<string> words)
    {
        output.WriteLine(Title);
        output.WriteLine();
        output.WriteLine(CommandList(commands, words));
        output.WriteLine();
        output.WriteLine("Global options:");
        foreach (var option in GlobalOptions.All)
            output.WriteLine($"  {option.Usage,-24} {option.Description}");
        output.WriteLine();
        output.WriteLine("Exit codes: 0 success, 1 the operation could not be done, 2 bad usage or input. 'mlops <command> --help' for details.");
    }

    public static void WriteCommand(TextWriter output, CommandSpec command)
    {
        output.WriteLine($"usage: {command.Usage}");
        output.WriteLine();
        output.WriteLine(command.Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        foreach (var option in command.Options.Concat(GlobalOptions.All))
            output.WriteLine($"  {option.Usage,-28} {option.Description}");
    }
}
