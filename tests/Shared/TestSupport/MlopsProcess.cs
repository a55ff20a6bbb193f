using System.Diagnostics;

namespace MlopsCi.Cli.Tests;

/// <summary>Runs the real <c>mlops</c> program (the built mlops.dll beside the tests) as a child process.</summary>
public static class MlopsProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "mlops.dll");

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string[]? prefix = null)
    {
        var info = new ProcessStartInfo(prefix?[0] ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var p in prefix?.Skip(1) ?? [])
            info.ArgumentList.Add(p);
        if (prefix is not null)
            info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("MLOPS_STORE");
        info.Environment.Remove("GITHUB_ACTIONS");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args) => await RunAsync(StartInfo(workingDirectory, args));

    public static async Task<Result> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
