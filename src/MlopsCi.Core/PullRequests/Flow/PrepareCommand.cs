using System.Diagnostics;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Runs the spec's <c>data.prepare</c> shell command in the checkout, with a time limit; a non-zero exit fails the sync.</summary>
internal static class PrepareCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(string command, PullRequestContext context, string dataFolder, IFlowOutput output, CancellationToken cancellationToken)
    {
        var info = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe", ["/c", command]) : new ProcessStartInfo("/bin/sh", ["-c", command]);
        info.WorkingDirectory = context.WorkDirectory;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["MLOPS_PR"] = context.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MLOPS_HEAD_SHA"] = context.HeadSha;
        info.Environment["MLOPS_DATA_PATH"] = dataFolder;
        output.Step($"running data.prepare: {command}");
        using var process = Process.Start(info) ?? throw new OperationFailedException($"Could not start data.prepare '{command}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new OperationFailedException($"data.prepare '{command}' ran longer than {Limit.TotalMinutes} minutes and was stopped.");
        }

        var (text, errors) = (await stdout, await stderr);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20))
            output.Step("  " + line.TrimEnd('\r'));
        if (process.ExitCode != 0)
            throw new OperationFailedException($"data.prepare '{command}' exited with {process.ExitCode}; nothing was committed. Its last output:\n{Tail(errors.Length > 0 ? errors : text)}");
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(15)).Trim();
}
