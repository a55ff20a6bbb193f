using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// The command-line entry: parses with the System.CommandLine tree built from the commands of <see cref="CommandCatalog"/>, runs the
/// command, and maps failures to exit codes (0 ok, 1 failed, 2 bad input; a usage error names what is wrong).
/// </summary>
internal static class MlopsCli
{
    private static readonly Lazy<IReadOnlyList<CommandSpec>> AllCommands = new(CommandCatalog.Load);

    public static IReadOnlyList<CommandSpec> Commands => AllCommands.Value;

    public static async Task<int> RunAsync(Composition services, string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            HelpText.WriteOverview(output, Commands, []);
            return 2;
        }

        // Arguments that are all options (--version, --help) name no command: the root alone parses them, without the
        // commands' declarations and tree (~13 ms of a start). A parse that fails so is repeated with every command, so
        // errors read as they always do.
        var optionsOnly = Array.TrueForAll(args, a => a.StartsWith('-'));
        var parsed = Parse(optionsOnly ? [] : Commands);
        if (optionsOnly && parsed.Action is ParseErrorAction)
            parsed = Parse(Commands);
        if (parsed.Action is ParseErrorAction)
        {
            var json = parsed.Tokens.Any(t => t is { Type: TokenType.Option, Value: "--json" });
            return Fail(json ? output : null, error, services.Actions, ParseErrors.Describe(parsed, Commands));
        }

        // Ctrl+C is the host's (Program.cs cancels the token), and a bug keeps its stack trace.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken);

        ParseResult Parse(IReadOnlyList<CommandSpec> commands) =>
            CommandTree.Build(commands, (arguments, cancellation) => RunCommandAsync(services, arguments, output, error, environment, workingDirectory, cancellation), directives: args[0].StartsWith('['), () => Commands)
                .Parse(args, CommandTree.Configuration(workingDirectory));
    }

    private static async Task<int> RunCommandAsync(Composition services, ParsedArguments arguments, TextWriter output, TextWriter error, Func<string, string?> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        var json = arguments.Flag(GlobalOptions.Json.Name);
        try
        {
            await using var context = new CommandContext(services, arguments, output, error, environment, workingDirectory, cancellationToken);
            return await arguments.Command.Handler(context);
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

    // With --json, stdout carries the error as JSON too, so a caller parsing stdout never meets plain text.
    private static int Fail(TextWriter? json, TextWriter error, ActionsEnvironment actions, MlopsException e)
    {
        // A store URI given with credentials or a signed query must never reach a log, whichever message quotes it.
        var message = UriRedaction.Redact(e.Message);
        // A spec's problems also come one by one, with their lines, so an editor, a bot or the pull request's diff can
        // point at each.
        var problems = (e as InvalidInputException)?.SpecErrors ?? [];
        object payload = problems.Count > 0
            ? new { error = message, exitCode = e.ExitCode, errors = problems.Select(s => new { file = s.File, line = s.Line, column = s.Column, message = UriRedaction.Redact(s.Message) }) }
            : new { error = message, exitCode = e.ExitCode };
        json?.WriteLine(JsonSerializer.Serialize(payload, StoreJson.Pretty));
        error.WriteLine($"error: {message}");
        if (actions.IsGitHubActions && problems.Count == 0)
            error.WriteLine(WorkflowCommandFormat.Format("error", [], message));
        foreach (var problem in actions.IsGitHubActions ? problems : [])
            error.WriteLine(WorkflowCommandFormat.Format("error", new AnnotationProperties(problem.File, problem.Line, problem.Column).ToProperties(), UriRedaction.Redact(problem.Message)));
        return e.ExitCode;
    }
}
