using System.Diagnostics;
using System.Text;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>
/// Runs a <c>command</c> hook: the changed files it selects are downloaded (verified) into a temporary folder that is
/// its working directory, their paths are listed in its environment, and it is stopped (with its children) at the time
/// limit. A non-zero exit or the time limit fails the hook; the end of its output is kept for the report.
/// </summary>
internal static class CommandHook
{
    private const int MaxEnvironmentList = 64 * 1024;
    private const int TailLength = 4000;

    public static async Task<(IReadOnlyList<HookFinding> Findings, string Output)> RunAsync(
        HookDefinition hook, CommandRule rule, ValidationContext context, IReadOnlyList<Entry> files, IReadOnlyList<string> deleted, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "mlops-hook-" + Guid.NewGuid().ToString("N")[..12]);
        var folder = Path.Combine(root, "files");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var entry in files)
            {
                var local = Path.Combine(folder, entry.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await context.Repository.DownloadAsync(entry, local, cancellationToken);
            }

            var list = Path.Combine(root, "changed-files.txt");
            await File.WriteAllLinesAsync(list, files.Select(f => f.Path), cancellationToken);
            var info = StartInfo(rule.Run, folder);
            var changed = string.Join('\n', files.Select(f => f.Path));
            info.Environment["MLOPS_HOOK_ID"] = hook.Id;
            info.Environment["MLOPS_HOOK_EVENT"] = HookRunText.EventName(context.Event);
            info.Environment["MLOPS_BRANCH"] = context.Branch;
            info.Environment["MLOPS_RULES_COMMIT"] = context.RulesCommit.Id;
            info.Environment["MLOPS_HOOK_DIR"] = folder;
            info.Environment["MLOPS_CHANGED_FILES_LIST"] = list;
            info.Environment["MLOPS_CHANGED_FILES"] = changed.Length <= MaxEnvironmentList ? changed : "";
            info.Environment["MLOPS_DELETED_FILES"] = string.Join('\n', deleted.Take(1000));
            return await ExecuteAsync(info, rule, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static ProcessStartInfo StartInfo(string command, string folder)
    {
        var windows = OperatingSystem.IsWindows();
        var info = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in windows ? ["/d", "/s", "/c", command] : new[] { "-c", command })
            info.ArgumentList.Add(argument);
        return info;
    }

    private static async Task<(IReadOnlyList<HookFinding>, string)> ExecuteAsync(ProcessStartInfo info, CommandRule rule, CancellationToken cancellationToken)
    {
        var tail = new StringBuilder();
        var gate = new Lock();
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (gate)
            {
                tail.Append(e.Data).Append('\n');
                if (tail.Length > TailLength * 2)
                    tail.Remove(0, tail.Length - TailLength);
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ([Finding(rule, $"could not be started: {e.Message}")], "");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(rule.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        string output;
        lock (gate)
            output = tail.Length > TailLength ? "…" + tail.ToString(tail.Length - TailLength, TailLength) : tail.ToString();
        if (timedOut)
            return ([Finding(rule, $"did not finish within {Sizes.Format(rule.Timeout)} and was stopped")], output);
        return process.ExitCode == 0 ? ([], output) : ([Finding(rule, $"exited with code {process.ExitCode}")], output);
    }

    private static HookFinding Finding(CommandRule rule, string message) => new("", null, rule.Describe(), 0, [], $"the command {message}");
}
