namespace MlopsCi.Benchmarks;

/// <summary>One benchmark: prints its figures (with the command that reproduces them) through the context.</summary>
internal interface IBenchmark
{
    /// <summary>Short name used by --filter.</summary>
    string Name { get; }

    /// <summary>Runs and reports.</summary>
    Task RunAsync(BenchmarkContext context);
}
