using System.Diagnostics;
using System.Text.Json;
using MlopsCi.Cli.Tests;
using MlopsCi.Core.Tests;
using Xunit.Abstractions;

namespace MlopsCi.S3.Tests;

/// <summary>The real <c>mlops</c> program against Ceph RGW: concurrent writer processes, and wrong credentials.</summary>
[Trait("Speed", "Slow")]
public sealed class ConcurrentProcessSpecs(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 8;
    private const int CommitsEach = 25;
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Eight_processes_committing_twenty_five_times_each_to_one_branch_on_ceph_lose_no_commit()
    {
        await S3TestServer.EnsureReachableAsync();
        var store = $"s3://{S3TestServer.NewBucket("processes")}/repo";
        var init = await MlopsAsync(Environment(), "data", "init", "--store", store, "--create-bucket");
        Assert.True(init.ExitCode == 0, init.ToString());
        var watch = Stopwatch.StartNew();

        var reported = await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 1; i <= CommitsEach; i++)
            {
                var folder = Path.GetDirectoryName(_temp.Write($"work{writer}/data.csv", $"{writer},{i}\n"))!;
                var result = await MlopsAsync(Environment(), "data", "commit", "main", folder, "-m", $"writer {writer} commit {i}", "--store", store, "--json");
                Assert.True(result.ExitCode == 0, $"writer {writer}, commit {i}: {result}");
                var outcome = JsonDocument.Parse(result.Out).RootElement;
                Assert.True(outcome.GetProperty("changed").GetBoolean(), $"writer {writer}, commit {i} changed nothing: {result.Out}");
                ids.Add(outcome.GetProperty("commit").GetProperty("id").GetString()!);
            }

            return ids;
        })));

        output.WriteLine($"{Writers * CommitsEach} commits by {Writers} processes in {watch.Elapsed.TotalSeconds:0.0} s");
        var committed = reported.SelectMany(ids => ids).ToList();
        var log = await MlopsAsync(Environment(), "data", "log", "main", "--max", "10000", "--json", "--store", store);
        Assert.True(log.ExitCode == 0, log.ToString());
        var history = JsonDocument.Parse(log.Out).RootElement.EnumerateArray().ToList();
        var ids = history.Select(c => c.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        var fsck = await MlopsAsync(Environment(), "data", "fsck", "--store", store);

        Assert.Equal(Writers * CommitsEach, committed.Distinct(StringComparer.Ordinal).Count());
        Assert.All(committed, id => Assert.Contains(id, ids));
        Assert.Equal(Writers * CommitsEach, history.Count(c => c.GetProperty("message").GetString()!.StartsWith("writer ", StringComparison.Ordinal)));
        Assert.True(fsck.ExitCode == 0, fsck.ToString());
    }

    [Fact]
    public async Task A_wrong_secret_fails_every_command_with_exit_1_and_no_output_contains_a_secret()
    {
        const string Secret = "wrong-secret-Kq27pX9vLmW";
        const string Token = "session-token-Zr83TnQ4";
        await S3TestServer.EnsureReachableAsync();
        var bucket = S3TestServer.NewBucket("secrets");
        var store = $"s3://{bucket}/repo";
        Assert.Equal(0, (await MlopsAsync(Environment(), "data", "init", "--store", store, "--create-bucket")).ExitCode);
        var folder = Path.GetDirectoryName(_temp.Write("work/data.csv", "1\n"))!;
        var wrong = Environment(Secret);
        wrong["AWS_SESSION_TOKEN"] = Token;
        string[][] commands =
        [
            ["data", "init", "--store", store, "--create-bucket"],
            ["data", "commit", "main", folder, "-m", "x", "--store", store],
            ["data", "log", "main", "--store", store, "--json"],
            ["data", "checkout", "main", _temp.Combine("out"), "--store", store],
            ["data", "branch", "create", "b", "--from", "main", "--store", store],
        ];

        foreach (var command in commands)
        {
            var result = await MlopsAsync(wrong, command);

            output.WriteLine($"mlops {string.Join(' ', command)}: {result}");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(bucket, result.Out + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, result.Out + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_endpoint_with_a_secret_in_it_is_refused_with_exit_2_without_repeating_the_secret()
    {
        const string Secret = "url-secret-Hn51cWq";
        var environment = Environment();
        environment["MLOPS_S3_ENDPOINT"] = $"http://TESTAK:{Secret}@{S3TestServer.Endpoint.Authority}";

        var result = await MlopsAsync(environment, "data", "log", "main", "--store", $"s3://{S3TestServer.NewBucket("urlsecret")}/repo");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("MLOPS_S3_ENDPOINT", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    /// <summary>The test server's endpoint and credentials, and no shared AWS config from the machine.</summary>
    private Dictionary<string, string> Environment(string? secretKey = null) => new(StringComparer.Ordinal)
    {
        ["MLOPS_S3_ENDPOINT"] = S3TestServer.Endpoint.AbsoluteUri,
        ["AWS_ACCESS_KEY_ID"] = S3TestServer.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = secretKey ?? S3TestServer.SecretKey,
        ["AWS_CONFIG_FILE"] = _temp.Combine("no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = _temp.Combine("no-aws-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    private Task<MlopsProcess.Result> MlopsAsync(Dictionary<string, string> environment, params string[] args)
    {
        var info = MlopsProcess.StartInfo(_temp.Path, args, environment);
        foreach (var inherited in new[] { "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN" }.Where(name => !environment.ContainsKey(name)))
            info.Environment.Remove(inherited);
        return MlopsProcess.RunAsync(info);
    }

    public void Dispose() => _temp.Dispose();
}
