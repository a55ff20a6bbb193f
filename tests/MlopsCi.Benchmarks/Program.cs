using System.Reflection;
using MlopsCi.Benchmarks;

// Usage: dotnet run -c Release --project tests/MlopsCi.Benchmarks -- [--filter name,name] [--scratch dir]
var filter = Value("--filter")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var scratch = Value("--scratch") ?? Path.Combine(Path.GetTempPath(), "mlops-bench");
Directory.CreateDirectory(scratch);
var mlops = Path.Combine(AppContext.BaseDirectory, "mlops.dll");
var context = new BenchmarkContext(scratch, mlops);
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .Where(b => filter is null || filter.Any(f => b.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();
Console.WriteLine($"Benchmarks: {string.Join(", ", benchmarks.Select(b => b.Name))}  (scratch {scratch}, {Environment.ProcessorCount} cores)");
var failed = 0;
foreach (var benchmark in benchmarks)
{
    Console.WriteLine();
    Console.WriteLine($"== {benchmark.Name}");
    try
    {
        await benchmark.RunAsync(context);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        failed++;
        Console.WriteLine($"   FAILED: {e.Message}");
    }
}

Console.WriteLine();
Console.WriteLine("Summary");
foreach (var line in context.Lines)
    Console.WriteLine(line);
return failed == 0 ? 0 : 1;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>Marker so the assembly name resolves in reflection.</summary>
internal static partial class Program;
