using System.Reflection;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Hosting;

/// <summary>The command-line entry: finds the command, parses, runs, and maps failures to exit codes (0 ok, 1 failed, 2 bad input).</summary>
internal static class MlopsCli
{
    private static readonly Lazy<IReadOnlyList<CommandSpec>> AllCommands = new(Discover);

    public static IReadOnlyList<CommandSpec> Commands => AllCommands.Value;

    public static async Task<int> RunAsync(Composition services, string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        args = MoveLeadingGlobalOptions(args);
        var json = args.Contains("--" + GlobalOptions.Json.Name);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            WriteHelp(output, args.Skip(1).ToArray());
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "--version")
        {
            output.WriteLine(typeof(MlopsCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
            return 0;
        }

        var (command, consumed) = ArgumentParser.Match(Commands, args);
        if (command is null)
            return Fail(json ? output : null, error, services.Actions, new InvalidInputException($"Unknown command 'mlops {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'.\n{CommandList(args.TakeWhile(a => !a.StartsWith('-')).ToArray())}"));
        var rest = args.Skip(consumed).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            WriteCommandHelp(output, command);
            return 0;
        }

        try
        {
            var parsed = ArgumentParser.Parse(command, rest);
            await using var context = new CommandContext(services, parsed, output, error, environment, workingDirectory, cancellationToken);
            return await command.Handler(context);
        }
        catch (MlopsException e)
        {
            return Fail(json ? output : null, error, services.Actions, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string Cancelled = "cancelled; nothing half-written was published (branches move only when a commit is complete).";
            if (json)
                output.WriteLine(JsonSerializer.Serialize(new { error = Cancelled, exitCode = 130 }, StoreJson.Pretty));
            error.WriteLine("error: " + Cancelled);
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine, not the input: a full disk, a lost mount, a folder without write permission.
            return Fail(json ? output : null, error, services.Actions, new OperationFailedException(
                $"{e.Message.TrimEnd('.')}. Free space or fix permissions on the store and working folders, then run the command again; nothing half-written was published (branches move only when a commit is complete).", e));
        }
    }

    /// <summary>Lets global options come before the command words: <c>mlops --store s3://b data ls main</c>.</summary>
    private static string[] MoveLeadingGlobalOptions(string[] args)
    {
        var leading = new List<string>();
        var i = 0;
        while (i < args.Length && GlobalOptions.All.FirstOrDefault(o => "--" + o.Name == args[i].Split('=')[0] && o.Name != "help") is { } option)
        {
            leading.Add(args[i]);
            if (!option.IsFlag && !args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                leading.Add(args[++i]);
            i++;
        }

        return [.. args.Skip(i), .. leading];
    }

    // With --json, stdout carries the error as JSON too, so a caller parsing stdout never meets plain text.
    private static int Fail(TextWriter? json, TextWriter error, ActionsEnvironment actions, MlopsException e)
    {
        // A store URI given with credentials or a signed query must never reach a log, whichever message quotes it.
        var message = UriRedaction.Redact(e.Message);
        // A spec's problems also come one by one, with their lines, so an editor or a bot can point at each.
        object payload = e is InvalidInputException { SpecErrors.Count: > 0 } spec
            ? new { error = message, exitCode = e.ExitCode, errors = spec.SpecErrors.Select(s => new { file = s.File, line = s.Line, column = s.Column, message = UriRedaction.Redact(s.Message) }) }
            : new { error = message, exitCode = e.ExitCode };
        json?.WriteLine(JsonSerializer.Serialize(payload, StoreJson.Pretty));
        error.WriteLine($"error: {message}");
        if (actions.IsGitHubActions)
            error.WriteLine(WorkflowCommandFormat.Format("error", [], message));
        return e.ExitCode;
    }

    private static IReadOnlyList<CommandSpec> Discover() =>
        [.. typeof(MlopsCli).Assembly.GetTypes()
            .Where(t => typeof(ICommandGroup).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((ICommandGroup)Activator.CreateInstance(t)!).Commands)
            .OrderBy(c => c.Name, StringComparer.Ordinal)];

    private static string CommandList(string[] words)
    {
        var prefix = string.Join(' ', words);
        var matching = Commands.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (matching.Count == 0 && words.Length > 0)
            matching = [.. Commands.Where(c => c.Name.StartsWith(words[0], StringComparison.Ordinal))];
        if (matching.Count == 0)
            matching = [.. Commands];
        return "Commands:\n" + string.Join('\n', matching.Select(c => $"  mlops {c.Name,-24} {c.Summary}"));
    }

    private static void WriteHelp(TextWriter output, string[] words)
    {
        output.WriteLine("mlops — data version control, ML.NET training and pull-request reports for CI.");
        output.WriteLine();
        output.WriteLine(CommandList(words));
        output.WriteLine();
        output.WriteLine("Global options:");
        foreach (var option in GlobalOptions.All)
            output.WriteLine($"  {option.Usage,-24} {option.Description}");
        output.WriteLine();
        output.WriteLine("Exit codes: 0 success, 1 the operation could not be done, 2 bad usage or input. 'mlops <command> --help' for details.");
    }

    private static void WriteCommandHelp(TextWriter output, CommandSpec command)
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
