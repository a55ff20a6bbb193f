namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Parses "Target... [--parameter value] [--flag]" (also --parameter=value). Words that are not a parameter value
/// are targets, so "--plan Test" and "Test --plan" both work.
/// </summary>
internal static class CommandLine
{
    public static Invocation Parse(IReadOnlyList<string> args, BuildModel model)
    {
        var targets = new List<string>();
        var arguments = new Dictionary<ParameterSpec, string>();
        bool help = false, plan = false, generateSchema = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith('-') || token.Length == 1)
            {
                targets.Add(token);
                continue;
            }

            var (name, inline) = Split(token.TrimStart('-'));
            switch (name == "?" ? "help" : ParameterNames.Normalize(name))
            {
                case "help" or "h":
                    help = true;
                    continue;
                case "plan":
                    plan = true;
                    continue;
                case "generateschema":
                    generateSchema = true;
                    continue;
            }

            var parameter = model.FindParameter(name) ?? throw new UsageException(
                $"Parameter '{token}' does not exist. Valid parameters: {model.ValidParameters}, --help, --plan.");
            arguments[parameter] = inline ?? (parameter.IsFlag ? FlagValue(args, ref i) : Value(args, ref i, parameter));
        }

        return new Invocation(targets, arguments, help, plan, generateSchema);
    }

    private static (string Name, string? Value) Split(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (token, null) : (token[..equals], token[(equals + 1)..]);
    }

    // A flag takes the next word only when it is a boolean, otherwise that word is a target.
    private static string FlagValue(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 < args.Count && args[i + 1].ToLowerInvariant() is "true" or "false")
            return args[++i];
        return "true";
    }

    private static string Value(IReadOnlyList<string> args, ref int i, ParameterSpec parameter)
    {
        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            return args[++i];
        throw new UsageException($"Parameter --{parameter.Kebab} needs a value: --{parameter.Kebab} <{parameter.TypeName}>.");
    }
}
