using System.Diagnostics;
using System.Text.Json;
using MlopsCi.Core.Versioning;
using MlopsCi.S3;

namespace MlopsCi.Benchmarks;

/// <summary>
/// On the same Ceph RGW in the same run: committing a dataset of one 1 GiB file plus 10,000 small files to
/// <c>s3://…</c> with <c>mlops data commit</c> and checking it out again, against <c>aws s3 cp --recursive</c> and
/// <c>rclone copy</c> (default settings) moving the same files up and down; re-committing the unchanged dataset; and
/// creating a branch next to a plain PutObject. Starts Ceph (scripts/test-services.sh start) when it is not answering.
/// </summary>
internal sealed partial class S3Benchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter s3";
    private const int SmallFiles = 10_000;
    private const long BigFile = 1L << 30;
    private const int LatencySamples = 31;

    private static readonly string Endpoint = Env("MLOPS_TEST_S3_ENDPOINT") ?? "http://127.0.0.1:7480";
    private static readonly string AccessKey = Env("AWS_ACCESS_KEY_ID") ?? "TESTAK";
    private static readonly string SecretKey = Env("AWS_SECRET_ACCESS_KEY") ?? "TESTSECRET";

    public string Name => "s3";

    public async Task RunAsync(BenchmarkContext context)
    {
        await EnsureServerAsync();
        var root = Path.Combine(context.Scratch, "s3");
        var data = Path.Combine(root, "data");
        var (files, bytes) = CreateDataset(data);
        Console.WriteLine($"   dataset: {files:N0} files, {bytes / (1024.0 * 1024):N0} MiB; server {Endpoint}; load average {LoadAverage()}");
        var tools = new S3Tools(root, Endpoint, AccessKey, SecretKey);
        var buckets = new List<string>();
        try
        {
            // Each bucket is emptied as soon as it is measured, so the server never holds more than one copy.
            var bucket = NewBucket("mlops");
            buckets.Add(bucket);
            var mlops = await MlopsAsync(context, root, data, files, bucket);
            await PurgeAsync(tools, buckets, bucket);
            foreach (var tool in new[] { "aws", "rclone" })
            {
                bucket = NewBucket(tool);
                buckets.Add(bucket);
                var result = await tools.TransferAsync(tool, bucket, data, Path.Combine(root, $"{tool}-out"), files);
                await PurgeAsync(tools, buckets, bucket);
                if (result is null)
                {
                    context.Figure($"{tool}: not installed (scripts/setup.sh installs it)", "-", null, false, Reproduce);
                    continue;
                }

                context.Figure($"{tool} upload (same files, same server)", BenchmarkContext.Ms(result.Value.Up), null, null, Reproduce);
                context.Figure($"{tool} download", BenchmarkContext.Ms(result.Value.Down), null, null, Reproduce);
                var up = result.Value.Up / mlops.Commit;
                var down = result.Value.Down / mlops.Checkout;
                context.Figure($"commit speed relative to {tool} upload ({tool} time / mlops time)", BenchmarkContext.Ratio(up), "≥ 1.00", up >= 1, Reproduce);
                context.Figure($"checkout speed relative to {tool} download", BenchmarkContext.Ratio(down), "≥ 1.00", down >= 1, Reproduce);
            }

            await BranchLatencyAsync(context, buckets);
            Console.WriteLine($"   load average at the end {LoadAverage()} (the machine is shared: wall times vary with it, ratios less)");
        }
        finally
        {
            foreach (var bucket in buckets.ToList())
                await PurgeAsync(tools, buckets, bucket);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task PurgeAsync(S3Tools tools, List<string> buckets, string bucket)
    {
        await tools.PurgeAsync(bucket, DeleteEverythingAsync);
        buckets.Remove(bucket);
        await CollectGarbageAsync();
    }

    /// <summary>
    /// RGW frees the data of deleted multipart objects only when its garbage collector gets to them (two hours later by
    /// default), and the local test server (scripts/ceph-rgw.sh) keeps everything in a 4 GiB memory store: run it now.
    /// </summary>
    private static async Task CollectGarbageAsync()
    {
        var conf = Path.Combine(Env("MLOPS_CEPH_DIR") ?? "/tmp/mlops-ceph", "ceph.conf");
        var local = $"http://127.0.0.1:{Env("MLOPS_CEPH_PORT") ?? "7480"}";
        if (!File.Exists(conf) || Endpoint.TrimEnd('/') != local || !File.Exists("/usr/bin/radosgw-admin"))
            return;
        var gc = await BenchmarkContext.RunAsync("timeout", ["300", "radosgw-admin", "-c", conf, "gc", "process", "--include-all"], Path.GetTempPath());
        if (gc.ExitCode != 0)
            Console.WriteLine($"   warning: radosgw-admin gc process failed (exit {gc.ExitCode}): {gc.Error.Trim()}");
    }

    private static async Task DeleteEverythingAsync(string bucket)
    {
        await using var store = await S3ObjectStore.OpenAsync($"s3://{bucket}", S3StoreOptions.Default with { Endpoint = Endpoint, CreateBucket = true }, Credentials, default);
        var keys = new List<string>();
        await foreach (var info in store.ListAsync("", default))
            keys.Add(info.Key);
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) => await store.DeleteAsync(key, ct));
    }

    private static async Task<(TimeSpan Commit, TimeSpan Checkout)> MlopsAsync(BenchmarkContext context, string root, string data, int files, string bucket)
    {
        var store = $"s3://{bucket}/repo";
        await MustAsync(context, root, ["data", "init", "--store", store, "--create-bucket"]);
        var commit = await MustAsync(context, root, ["data", "commit", "main", data, "-m", "dataset", "--store", store, "--json"]);
        var first = JsonDocument.Parse(commit.Out).RootElement;
        var output = Path.Combine(root, "mlops-out");
        var checkout = await MustAsync(context, root, ["data", "checkout", "main", output, "--store", store]);
        S3Tools.CheckCopy(output, files, "mlops checkout");
        Directory.Delete(output, recursive: true);
        var again = await MustAsync(context, root, ["data", "commit", "main", data, "-m", "unchanged", "--store", store, "--json"]);
        var second = JsonDocument.Parse(again.Out).RootElement;

        context.Figure($"mlops data commit, 1 GiB + {SmallFiles:N0} files ({first.GetProperty("blobsWritten").GetInt64():N0} blobs)", BenchmarkContext.Ms(commit.Elapsed), null, null, Reproduce);
        context.Figure("mlops data checkout of the same commit", BenchmarkContext.Ms(checkout.Elapsed), null, null, Reproduce);
        var written = second.GetProperty("blobsWritten").GetInt64();
        context.Figure("re-commit of the unchanged dataset: blobs uploaded", written.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", written == 0 && !second.GetProperty("changed").GetBoolean(), Reproduce);
        var share = again.Elapsed / commit.Elapsed;
        context.Figure("re-commit of the unchanged dataset: time", $"{BenchmarkContext.Ms(again.Elapsed)} ({share:P0})", "≤ 10% of the first", share <= 0.10, Reproduce);
        return (commit.Elapsed, checkout.Elapsed);
    }

    /// <summary>Branch creation (in-process, store already open) next to a plain PutObject, a bare conditional ref write and a ref read.</summary>
    private static async Task BranchLatencyAsync(BenchmarkContext context, List<string> buckets)
    {
        var options = S3StoreOptions.Default with { Endpoint = Endpoint, CreateBucket = true };
        var bucket = NewBucket("latency");
        buckets.Add(bucket);
        await using var store = await S3ObjectStore.OpenAsync($"s3://{bucket}/repo", options, Credentials, default);
        var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "bench"), default)).Repository;
        var payload = new BranchRef(new string('0', 64), 1, false).ToBytes();
        var branch = new List<TimeSpan>();
        var put = new List<TimeSpan>();
        var conditional = new List<TimeSpan>();
        var read = new List<TimeSpan>();
        for (var i = 0; i < LatencySamples; i++)
        {
            // Interleaved, so drift in the server affects all of them alike.
            put.Add(await TimeAsync(() => store.PutAsync($"bench/plain-{i}", payload, default)));
            conditional.Add(await TimeAsync(() => store.TryWriteVersionedAsync($"bench/ref-{i}", payload, null, default)));
            branch.Add(await TimeAsync(() => repository.CreateBranchAsync($"b{i}", "main", default)));
            read.Add(await TimeAsync(() => store.TryReadVersionedAsync("refs/branches/main", default)));
        }

        var (b, p, c) = (BenchmarkContext.Median(branch), BenchmarkContext.Median(put), BenchmarkContext.Median(conditional));
        context.Figure($"plain PutObject, small object (median of {LatencySamples})", BenchmarkContext.Ms(p), null, null, Reproduce);
        context.Figure($"conditional ref write (If-None-Match: *) (median of {LatencySamples})", BenchmarkContext.Ms(c), null, null, Reproduce);
        // Creating a branch reads the source ref and its commit (two GETs), then writes the new ref once.
        context.Figure($"read a ref, GetObject (median of {LatencySamples})", BenchmarkContext.Ms(BenchmarkContext.Median(read)), null, null, Reproduce);
        context.Figure($"create branch on S3 (median of {LatencySamples})", $"{BenchmarkContext.Ms(b)} ({b / p:0.0}x PutObject)", null, null, Reproduce);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, string Out)> MustAsync(BenchmarkContext context, string root, string[] args)
    {
        var env = new Dictionary<string, string> { ["MLOPS_S3_ENDPOINT"] = Endpoint, ["AWS_ACCESS_KEY_ID"] = AccessKey, ["AWS_SECRET_ACCESS_KEY"] = SecretKey };
        var run = BenchmarkContext.Must($"mlops {string.Join(' ', args)}", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, .. args], root, env));
        return (run.Elapsed, run.Output);
    }

    private static async Task EnsureServerAsync()
    {
        if (await S3Tools.AnswersAsync(Endpoint))
            return;
        var script = Path.Combine(RepositoryRoot(), "scripts", "test-services.sh");
        Console.WriteLine($"   {Endpoint} does not answer: running {script} start");
        var start = await BenchmarkContext.RunAsync("bash", [script, "start"], RepositoryRoot());
        if (start.ExitCode != 0 || !await S3Tools.AnswersAsync(Endpoint))
            throw new InvalidOperationException($"Could not start the S3 test server ({script} start, exit {start.ExitCode}): {start.Error}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "test-services.sh")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"scripts/test-services.sh not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>One 1 GiB file and 10,000 files of 1–16 KiB in 100 folders (kept between runs when complete).</summary>
    private static (int Files, long Bytes) CreateDataset(string data)
    {
        var random = new Random(3);
        var block = new byte[1 << 20];
        var big = Path.Combine(data, "big.bin");
        if (!File.Exists(big) || new FileInfo(big).Length != BigFile)
        {
            Directory.CreateDirectory(data);
            using var output = File.Create(big);
            for (long written = 0; written < BigFile; written += block.Length)
            {
                random.NextBytes(block);
                output.Write(block);
            }
        }

        long bytes = BigFile;
        for (var i = 0; i < SmallFiles; i++)
        {
            var size = 1024 + (i * 7919 % (15 * 1024));
            var path = Path.Combine(data, "small", $"d{i / 100:D3}", $"f{i:D5}.bin");
            bytes += size;
            if (File.Exists(path) && new FileInfo(path).Length == size)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            random.NextBytes(block.AsSpan(0, size));
            File.WriteAllBytes(path, block.AsSpan(0, size).ToArray());
        }

        return (SmallFiles + 1, bytes);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string NewBucket(string purpose) => $"bench-{purpose}-{Guid.NewGuid():N}"[..30];

    private static string? Credentials(string name) => name switch
    {
        "AWS_ACCESS_KEY_ID" => AccessKey,
        "AWS_SECRET_ACCESS_KEY" => SecretKey,
        _ => null,
    };

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
