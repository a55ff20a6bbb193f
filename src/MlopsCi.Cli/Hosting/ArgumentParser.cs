namespace MlopsCi.Cli.Hosting;

/// <summary>Matches the longest command name, then reads options (anywhere) and positionals in order.</summary>
internal static class ArgumentParser
{
    public static (CommandSpec? Command, int Consumed) Match(IReadOnlyList<CommandSpec> commands, IReadOnlyList<string> args)
    {
        CommandSpec? best = null;
        var consumed = 0;
        foreach (var command in commands)
        {
            var words = command.Name.Split(' ');
            if (words.Length > consumed && words.Length <= args.Count && words.Select((w, i) => args[i] == w).All(b => b))
            {
                best = command;
                consumed = words.Length;
            }
        }

        return (best, consumed);
    }

    public static ParsedArguments Parse(CommandSpec command, IReadOnlyList<string> args)
    {
        var specs = command.Options.Concat(GlobalOptions.All).ToList();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var values = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                values.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length > 1 && arg[0] == '-' && !double.TryParse(arg, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal)
                    ? (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                    : (arg, null);
                var spec = specs.FirstOrDefault(o => "--" + o.Name == name || o.Alias == name)
                    ?? throw new UsageException($"Unknown option '{name}' for 'mlops {command.Name}'.", command);
                if (spec.IsFlag)
                {
                    options[spec.Name] = [];
                    continue;
                }

                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"Option --{spec.Name} needs a value <{spec.ValueName}>.", command));
                if (!options.TryGetValue(spec.Name, out var list))
                    options[spec.Name] = list = [];
                list.Add(value);
                continue;
            }

            values.Add(arg);
        }

        return new ParsedArguments(command, BindPositionals(command, values), options);
    }

    private static Dictionary<string, string> BindPositionals(CommandSpec command, List<string> values)
    {
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = command.Arguments;
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].TrimEnd('?');
            if (i < values.Count)
                bound[name] = values[i];
            else if (!names[i].EndsWith('?'))
                throw new UsageException($"Missing <{name}>.", command);
        }

        if (values.Count > names.Length)
            throw new UsageException($"Unexpected argument '{values[names.Length]}'.", command);
        return bound;
    }
}
