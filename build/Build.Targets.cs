using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript;

/// <summary>
/// Every target, in one file so declaration order (the order of --help and of plan ties) never depends on how the
/// compiler orders partial files. Longer steps live in Build.Steps.cs and Build.Mlops.cs.
/// </summary>
internal sealed partial class Build
{
    private Target Restore => _ => _
        .Description($"Restores the NuGet packages of {Solution}")
        .Executes(ct => DotnetAsync(["restore", Solution], ct));

    private Target Compile => _ => _
        .Description($"Builds {Solution}")
        .DependsOn(Restore)
        .Executes(ct => DotnetAsync(["build", Solution, "-c", Configuration, "--no-restore"], ct));

    private Target Setup => _ => _
        .Description("Installs what a fresh Debian machine needs (scripts/setup.sh: Ceph RGW and Docker packages, npm tools, datasets)")
        .Executes(ct => ScriptIfPresentAsync("scripts/setup.sh", ct));

    private Target Test => _ => _
        .Description("Runs all tests (trx in artifacts/test-results) with services from scripts/test-services.sh; --fast: the fast lane")
        .DependsOn(Setup, Compile)
        .Executes(TestAsync);

    private Target Lint => _ => _
        .Description("Checks formatting (dotnet format --verify-no-changes) and runs scripts/lint.sh")
        .DependsOn(Restore)
        .After(Compile)
        .Executes(ct => DotnetAsync(["format", Solution, "--verify-no-changes", "--no-restore"], ct))
        .Executes(ct => ScriptIfPresentAsync("scripts/lint.sh", ct));

    private Target Pack => _ => _
        .Description("Packs the mlops tool and the MSBuild tasks into artifacts/packages")
        .DependsOn(Compile)
        .After(Test)
        .Executes(PackAsync);

    private Target Docker => _ => _
        .Description($"Builds the action image from {Dockerfile} on DOCKER_HOST or an engine it starts ({DockerImageScript})")
        .After(Test, Pack)
        .Executes(DockerAsync);

    private Target Benchmark => _ => _
        .Description("Runs the benchmarks of tests/MlopsCi.Benchmarks and prints figures and ratios (--filter)")
        .DependsOn(Setup)
        .After(Test)
        .Executes(BenchmarkAsync);

    private Target Demo => _ => _
        .Description("Runs mlops demo end to end into --out")
        .DependsOn(Setup)
        .Executes(ct => DotnetAsync(["run", "-c", Configuration, "--project", "src/MlopsCi.Cli", "--", "demo", "--out", Out ?? "out/demo"], ct));

    private Target CompileCli => _ => _
        .Description("Builds the mlops tool (src/MlopsCi.Cli) that the MLOps targets run")
        .After(Compile)
        .Executes(ct => DotnetAsync(["build", CliProject, "-c", Configuration], ct));

    private Target DataBranch => _ => _
        .Description("Creates data branch --branch from --ref, else main (mlops data branch create)")
        .DependsOn(CompileCli)
        .Requires(nameof(Branch))
        .Executes(ct => MlopsAsync(["data", "branch", "create", Branch!, "--from", Ref ?? "main"], ct));

    private Target DataCommit => _ => _
        .Description("Commits --folder to data branch --branch with --message (mlops data commit)")
        .DependsOn(CompileCli)
        .After(DataBranch)
        .Requires(nameof(Branch), nameof(Folder), nameof(Message))
        .Executes(ct => MlopsAsync(["data", "commit", Branch!, Folder!, "-m", Message!], ct));

    private Target Train => _ => _
        .Description("Trains --spec on data ref --ref, else --branch (mlops train)")
        .DependsOn(CompileCli)
        .After(DataCommit)
        .Executes(ct => MlopsAsync(["train", "--ref", DataRef, "--spec", Spec], ct));

    private Target Evaluate => _ => _
        .Description("Evaluates --model on data ref --ref, else --branch (mlops evaluate)")
        .DependsOn(CompileCli)
        .After(Train)
        .Requires(nameof(Model))
        .Executes(ct => MlopsAsync(["evaluate", "--model", Model!, "--ref", DataRef], ct));

    private Target Predict => _ => _
        .Description("Writes every row of --input with --model's prediction to --out, a .csv or .parquet file (mlops predict)")
        .DependsOn(CompileCli)
        .After(Train)
        .Requires(nameof(Model), nameof(Input), nameof(Out))
        .Executes(ct => MlopsAsync(["predict", "--model", Model!, "--input", Input!, "--out", Out!], ct));

    private Target Report => _ => _
        .Description("Renders the pull-request report of --pr without posting it (mlops pr sync --dry-run)")
        .DependsOn(CompileCli)
        .After(Evaluate)
        .Executes(ct => MlopsAsync(["pr", "sync", "--dry-run", .. PullRequestOptions, "--spec", Spec], ct));

    private Target DataMerge => _ => _
        .Description("Merges data branch --branch into main (mlops data merge)")
        .DependsOn(CompileCli)
        .After(Report)
        .Requires(nameof(Branch))
        .Executes(ct => MlopsAsync(["data", "merge", Branch!, "main"], ct));

    private Target Pipeline => _ => _
        .Description("Dry-runs the pull-request lifecycle of --pr: mlops pr sync, then pr merge, both --dry-run")
        .DependsOn(CompileCli)
        .Requires(nameof(Pr))
        .Executes(ct => MlopsAsync(["pr", "sync", "--dry-run", .. PullRequestOptions, "--spec", Spec], ct))
        .Executes(ct => MlopsAsync(["pr", "merge", "--dry-run", .. PullRequestOptions], ct));
}
