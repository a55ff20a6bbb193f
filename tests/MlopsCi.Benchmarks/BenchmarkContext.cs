using System.Diagnostics;
using System.Globalization;

namespace MlopsCi.Benchmarks;

/// <summary>Scratch space, the mlops program, and the report every benchmark writes into.</summary>
internal sealed class BenchmarkContext(string scratch, string mlopsDll)
{
    private readonly List<string> _lines = [];

    public string Scratch { get; } = scratch;

    public string MlopsDll { get; } = mlopsDll;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Prints one figure: name, value, target verdict, and how to reproduce it.</summary>
    public void Figure(string name, string value, string? target, bool? met, string reproduce)
    {
        var verdict = met is null ? "" : met.Value ? "  [target met]" : "  [TARGET MISSED]";
        var line = $"{name,-62} {value,18}{(target is null ? "" : $"  (target {target})")}{verdict}";
        _lines.Add(line);
        Console.WriteLine(line);
        Console.WriteLine($"    reproduce: {reproduce}");
    }

    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>The result of a process that must have succeeded; otherwise the benchmark stops, naming it.</summary>
    public static ProcessRun Must(string what, ProcessRun result) =>
        result.ExitCode == 0 ? result : throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}): {result.Error}");

    /// <summary>Runs a process to completion, returning wall time, the peak resident memory seen (VmHWM) and its output.</summary>
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            info.Environment[k] = v;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return new ProcessRun(watch.Elapsed, peak, process.ExitCode, await stdout, await stderr);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>A finished process: wall time, peak resident memory, exit code, standard output and standard error.</summary>
internal sealed record ProcessRun(TimeSpan Elapsed, long PeakBytes, int ExitCode, string Output, string Error);
