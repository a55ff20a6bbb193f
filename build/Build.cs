using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript;

/// <summary>
/// The MlopsCi build, declared the Nuke way without Nuke.Common: targets are <see cref="Target"/> properties
/// (Build.Targets.cs, Build.Mlops.cs), parameters are the properties below. ./build.sh --help lists both.
/// </summary>
internal sealed partial class Build : BuildBase
{
    private const string Solution = "MlopsCi.sln";

    [Parameter("Build configuration of Compile, Test, Pack, Demo and the mlops tool")]
    public string Configuration { get; init; } = "Release";

    [Parameter("Storage root passed to mlops as --store: a folder or s3://bucket/prefix")]
    public string? Store { get; init; }

    [Parameter("Training spec file passed to mlops train and pr sync")]
    public string Spec { get; init; } = "mlops.yml";

    [Parameter("Data branch of DataBranch, DataCommit and DataMerge; the data ref of Train and Evaluate without --ref")]
    public string? Branch { get; init; }

    [Parameter("Data ref (branch, tag or commit): the source of DataBranch, the data of Train and Evaluate")]
    public string? Ref { get; init; }

    [Parameter("Pull request number of Report and Pipeline")]
    public int? Pr { get; init; }

    [Parameter("Output of Demo (a folder, out/demo when not set) and of Predict (a .csv or .parquet file)")]
    public string? Out { get; init; }

    [Parameter("Local file Predict scores (.csv, .tsv, .csv.gz or .parquet; labels not needed)")]
    public string? Input { get; init; }

    [Parameter("Benchmarks to run: comma-separated parts of their names, e.g. validation,drift (all when not set)")]
    public string? Filter { get; init; }

    [Parameter("Folder whose content DataCommit commits")]
    public string? Folder { get; init; }

    [Parameter("Commit message of DataCommit")]
    public string? Message { get; init; }

    [Parameter("Model Evaluate and Predict score: a run id, name@alias or name:version")]
    public string? Model { get; init; }

    [Parameter("Run Test without starting services (no Ceph RGW, no S3 variables)")]
    public bool NoServices { get; init; }

    [Parameter("Run Test's fast lane: skip the specs tagged Speed=Slow and start no services")]
    public bool Fast { get; init; }

    /// <summary>The target run when none is named (Nuke's default target).</summary>
    internal static Func<Build, Target> DefaultTarget => x => x.Compile;

    /// <summary>Entry point of ./build.sh and build.cmd.</summary>
    public static Task<int> Main(string[] args) => Execute(args, DefaultTarget);
}
