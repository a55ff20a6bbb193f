using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript.Tests;

/// <summary>What the real targets run, checked with a fake process runner in a throwaway root.</summary>
public sealed class BuildTargetSpecs : IDisposable
{
    private readonly TempRoot _root = new();
    private readonly FakeProcessRunner _processes = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_failing_process_names_its_target_and_exit_code_and_its_dependents_are_skipped()
    {
        _processes.ExitCodes = spec => spec.Arguments[0] == "build" ? 3 : null;

        var run = await RunAsync(["Test"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Target Compile failed: '", run.Output, StringComparison.Ordinal);
        Assert.Contains(" build MlopsCi.sln -c Release --no-restore' exited with code 3.", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"^Restore\s+Succeeded", run.SummaryRow("Restore"));
        Assert.Matches(@"^Test\s+Skipped\s+// Compile failed", run.SummaryRow("Test"));
    }

    [Fact]
    public async Task Test_starts_the_services_gives_the_tests_the_S3_variables_and_stops_the_services_after_a_failure()
    {
        _root.Write("scripts/test-services.sh", "exit 0\n");
        _processes.ExitCodes = spec => spec.Arguments[0] == "test" ? 1 : null;

        var run = await RunAsync(["Test"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "dotnet restore MlopsCi.sln",
                "dotnet build MlopsCi.sln -c Release --no-restore",
                "bash scripts/test-services.sh start",
                "dotnet test MlopsCi.sln -c Release --no-build --results-directory artifacts/test-results --logger trx --logger console;verbosity=minimal",
                "bash scripts/test-services.sh stop",
            ],
            _processes.Commands);
        var environment = _processes.Started[3].Environment!;
        Assert.Equal("http://127.0.0.1:7480", environment["MLOPS_TEST_S3_ENDPOINT"]);
        Assert.Equal("TESTAK", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("TESTSECRET", environment["AWS_SECRET_ACCESS_KEY"]);
    }

    [Fact]
    public async Task Test_stops_the_services_when_starting_them_failed()
    {
        _root.Write("scripts/test-services.sh", "exit 0\n");
        _processes.ExitCodes = spec => spec.Arguments is [_, "start"] ? 7 : null;

        var run = await RunAsync(["Test"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'bash scripts/test-services.sh start' exited with code 7.", run.Output, StringComparison.Ordinal);
        Assert.Equal("bash scripts/test-services.sh stop", _processes.Commands[^1]);
        Assert.DoesNotContain(_processes.Commands, c => c.StartsWith("dotnet test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Test_without_the_services_script_runs_the_tests_plainly_with_a_note()
    {
        var run = await RunAsync(["Test"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("scripts/test-services.sh does not exist yet: running the tests without services.", run.Output, StringComparison.Ordinal);
        Assert.Null(_processes.Started.Single(s => s.Arguments[0] == "test").Environment);
    }

    [Fact]
    public async Task No_services_leaves_the_services_script_alone()
    {
        _root.Write("scripts/test-services.sh", "exit 0\n");

        var run = await RunAsync(["Test", "--no-services"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(_processes.Commands, c => c.Contains("test-services", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fast_runs_only_the_specs_not_tagged_slow_and_starts_no_services_and_no_image()
    {
        _root.Write("scripts/test-services.sh", "exit 0\n");
        _root.Write("scripts/docker-image.sh", "exit 0\n");

        var run = await RunAsync(["Test", "--fast"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "dotnet test MlopsCi.sln -c Release --no-build --results-directory artifacts/test-results --logger trx --logger console;verbosity=minimal --filter Speed!=Slow",
            Assert.Single(_processes.Commands, c => c.StartsWith("dotnet test", StringComparison.Ordinal)));
        Assert.DoesNotContain(_processes.Commands, c => c.Contains("test-services", StringComparison.Ordinal) || c.Contains("docker-image", StringComparison.Ordinal));
        Assert.Null(_processes.Started.Single(s => s.Arguments[0] == "test").Environment);
    }

    [Fact]
    public async Task Without_fast_the_tests_run_unfiltered()
    {
        var run = await RunAsync(["Test"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("--filter", _processes.Started.Single(s => s.Arguments[0] == "test").Arguments);
    }

    [Fact]
    public async Task The_MLOps_targets_run_the_built_mlops_dll_and_pass_the_store_through()
    {
        _root.Write("src/MlopsCi.Cli/bin/Release/net10.0/mlops.dll", "");

        var run = await RunAsync(["DataBranch", "DataCommit", "--branch", "exp", "--folder", "data", "--message", "new rows"],
            new() { ["MLOPS_STORE"] = "s3://bucket/repo" });

        Assert.Equal(0, run.ExitCode);
        var mlops = Path.Combine("src", "MlopsCi.Cli", "bin", "Release", "net10.0", "mlops.dll");
        Assert.Equal(
            [
                "dotnet build src/MlopsCi.Cli/MlopsCi.Cli.csproj -c Release",
                $"dotnet {mlops} data branch create exp --from main --store s3://bucket/repo",
                $"dotnet {mlops} data commit exp data -m new rows --store s3://bucket/repo",
            ],
            _processes.Commands);
    }

    [Fact]
    public async Task Predict_runs_mlops_predict_with_the_model_the_input_and_the_output()
    {
        _root.Write("src/MlopsCi.Cli/bin/Release/net10.0/mlops.dll", "");

        var run = await RunAsync(["Predict", "--model", "churn@champion", "--input", "data/new.csv.gz", "--out", "out/predictions.parquet", "--store", "file://store"]);

        Assert.Equal(0, run.ExitCode);
        var mlops = Path.Combine("src", "MlopsCi.Cli", "bin", "Release", "net10.0", "mlops.dll");
        Assert.Equal(
            [
                "dotnet build src/MlopsCi.Cli/MlopsCi.Cli.csproj -c Release",
                $"dotnet {mlops} predict --model churn@champion --input data/new.csv.gz --out out/predictions.parquet --store file://store",
            ],
            _processes.Commands);
    }

    [Theory]
    [InlineData("--input", "Predict requires --input")]
    [InlineData("--out", "Predict requires --out")]
    [InlineData("--model", "Predict requires --model")]
    public async Task Predict_without_the_model_the_input_or_the_output_is_a_usage_error_that_runs_nothing(string left, string message)
    {
        string[] all = ["--model", "churn@champion", "--input", "new.csv", "--out", "p.csv"];
        var i = Array.IndexOf(all, left);

        var run = await RunAsync(["Predict", .. all[..i], .. all[(i + 2)..]]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(_processes.Started);
    }

    [Fact]
    public async Task Demo_writes_into_out_demo_unless_out_is_given()
    {
        var plain = await RunAsync(["Demo"]);
        var given = await RunAsync(["Demo", "--out", "elsewhere"]);

        Assert.Equal((0, 0), (plain.ExitCode, given.ExitCode));
        Assert.EndsWith("demo --out out/demo", _processes.Commands[^2], StringComparison.Ordinal);
        Assert.EndsWith("demo --out elsewhere", _processes.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_dry_runs_sync_then_merge_for_the_pull_request()
    {
        _root.Write("src/MlopsCi.Cli/bin/Release/net10.0/mlops.dll", "");

        var run = await RunAsync(["Pipeline", "--pr", "42"]);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("pr sync --dry-run --pr 42 --spec mlops.yml", _processes.Commands[1], StringComparison.Ordinal);
        Assert.EndsWith("pr merge --dry-run --pr 42", _processes.Commands[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_runs_the_image_script_and_fails_with_its_exit_code()
    {
        _root.Write("actions/Dockerfile", "FROM scratch\n");
        _root.Write("scripts/docker-image.sh", "exit 0\n");
        _processes.ExitCodes = spec => spec.Arguments is ["scripts/docker-image.sh"] ? 1 : null;

        var run = await RunAsync(["Docker"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["bash scripts/docker-image.sh"], _processes.Commands);
        Assert.Contains("Target Docker failed: 'bash scripts/docker-image.sh' exited with code 1.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_builds_the_action_image_and_gives_the_tests_its_engine_and_tag()
    {
        _root.Write("scripts/test-services.sh", "exit 0\n");
        _root.Write("scripts/docker-image.sh", "exit 0\n");
        _root.Write("src/MlopsCi.Cli/MlopsCi.Cli.csproj", "<Project><PropertyGroup><Version>1.2.3</Version></PropertyGroup></Project>");

        var run = await RunAsync(["Test"], new() { ["DOCKER_HOST"] = "unix:///run/other.sock" });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["bash scripts/test-services.sh start", "bash scripts/docker-image.sh"], _processes.Commands.Skip(2).Take(2));
        var environment = _processes.Started.Single(s => s.Arguments[0] == "test").Environment!;
        Assert.Equal(("unix:///run/other.sock", "mlopsci-action:1.2.3"), (environment["DOCKER_HOST"], environment["MLOPS_TEST_ACTION_IMAGE"]));
        Assert.Equal("bash scripts/test-services.sh stop", _processes.Commands[^1]);
    }

    [Fact]
    public async Task Optional_projects_and_scripts_that_do_not_exist_yet_are_noted_not_failed()
    {
        var run = await RunAsync(["Setup", "Benchmark"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("scripts/setup.sh does not exist yet: nothing to do.", run.Output, StringComparison.Ordinal);
        Assert.Contains("tests/MlopsCi.Benchmarks/MlopsCi.Benchmarks.csproj does not exist yet", run.Output, StringComparison.Ordinal);
        Assert.Empty(_processes.Started);
    }

    private Task<HostRun> RunAsync(string[] args, Dictionary<string, string>? environment = null) =>
        HostRun.RunAsync<Build>(_root.Path, args, Build.DefaultTarget, environment, _processes);
}
