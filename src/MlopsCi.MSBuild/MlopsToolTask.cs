using System.Text;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlopsCi.MSBuild.Internal;

namespace MlopsCi.MSBuild;

/// <summary>
/// Base of the tasks: runs the framework-dependent <c>mlops</c> tool (<c>dotnet exec mlops.dll … --json</c>) out of
/// process and hands its JSON output to the task. One task may run the tool more than once.
/// </summary>
public abstract class MlopsToolTask : ToolTask
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private string _arguments = "";

    /// <summary>The mlops tool: a path to mlops.dll (run with dotnet) or to an mlops executable.</summary>
    [Required]
    public string MlopsTool { get; set; } = "";

    /// <summary>The data repository (<c>--store</c>); empty lets the tool resolve it ($MLOPS_STORE, store: in mlops.yml).</summary>
    public string? Store { get; set; }

    /// <summary>The folder the tool runs in (relative paths and mlops.yml resolve from it).</summary>
    public string? WorkingDirectory { get; set; }

    /// <inheritdoc />
    protected override string ToolName => RunsDll ? "dotnet" : Path.GetFileName(MlopsTool);

    /// <inheritdoc />
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    /// <inheritdoc />
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    private bool RunsDll => MlopsTool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!File.Exists(MlopsTool))
        {
            Log.LogError(null, ErrorCodes.Configuration, null, null, 0, 0, 0, 0,
                "The mlops tool was not found at '{0}'. Restore the MlopsCi.MSBuild package, or set MlopsToolPath to mlops.dll (or an mlops executable).", MlopsTool);
            return false;
        }

        try
        {
            return Run() && !Log.HasLoggedErrors;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            Log.LogError(null, ErrorCodes.UnexpectedOutput, null, null, 0, 0, 0, 0,
                "{0}: could not read the output of the mlops tool ({1}). Check that MlopsToolPath points at a matching version.", GetType().Name, e.Message);
            return false;
        }
    }

    /// <summary>The task's work; runs the tool with <see cref="RunTool"/>.</summary>
    protected abstract bool Run();

    /// <summary>Runs <c>mlops &lt;arguments&gt; --json [--store …]</c> and returns what it printed.</summary>
    private protected ToolResult RunTool(params string?[] arguments)
    {
        IEnumerable<string?> all = [.. RunsDll ? ["exec", MlopsTool] : Array.Empty<string>(), .. arguments, "--json", .. string.IsNullOrWhiteSpace(Store) ? [] : new[] { "--store", Store }];
        _arguments = string.Join(' ', all.OfType<string>().Select(Quote));
        _output.Clear();
        _error.Clear();
        base.Execute();
        return new ToolResult(ExitCode, _output.ToString(), _error.ToString());
    }

    /// <summary>Logs a failed tool run as MLOPS002.</summary>
    private protected bool Fail(string what, ToolResult result)
    {
        Log.LogError(null, ErrorCodes.ToolFailed, null, null, 0, 0, 0, 0, "{0} failed: {1}", what, result.Message);
        return false;
    }

    /// <summary>Parses the tool's JSON output.</summary>
    private protected static JsonElement Json(ToolResult result)
    {
        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.Clone();
    }

    /// <summary>The first 12 characters of a commit id.</summary>
    private protected static string Short(string id) => id.Length > 12 ? id[..12] : id;

    /// <inheritdoc />
    protected override string GenerateFullPathToTool() =>
        RunsDll ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet" : MlopsTool;

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands() => _arguments;

    /// <inheritdoc />
    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(WorkingDirectory) ? null : WorkingDirectory;

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        // Standard output is the --json document (kept, not logged); standard error is the tool's own message.
        if (messageImportance == StandardOutputLoggingImportance)
        {
            _output.AppendLine(singleLine);
        }
        else
        {
            // Not base: it would turn the tool's "error: …" lines into anonymous MSBuild errors; the task logs a coded one.
            _error.AppendLine(singleLine);
            Log.LogMessage(MessageImportance.Low, "{0}", singleLine);
        }
    }

    // One argument for `dotnet`/the tool on every OS: quoted when it has spaces or quotes (CommandLineBuilder would
    // also prefix "./" to arguments that start with '-').
    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors() => false; // The task decides what a non-zero exit means.
}
