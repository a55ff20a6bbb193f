using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace MlopsCi.BuildScript.Runner;

/// <summary>Runs real processes. Output goes straight to the console (streamed, colours kept) unless quiet.</summary>
internal sealed class ProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = spec.Quiet,
            RedirectStandardError = spec.Quiet,
        };
        foreach (var argument in spec.Arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        void Capture(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
        }

        process.OutputDataReceived += Capture;
        process.ErrorDataReceived += Capture;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new BuildException($"Could not start '{spec.FileName}' ({e.Message}). Install it or put it on PATH.", e);
        }

        if (spec.Quiet)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        lock (output)
            return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the cancellation and the kill: nothing is left to stop.
        }
    }
}
