namespace MlopsCi.Core.Reporting;

/// <summary>Where the report's numbers came from: data commits, git commit, runs, models and spec.</summary>
/// <param name="BaseBranch">The data branch compared against (main).</param>
/// <param name="DataBranch">The pull request's data branch (pr-N).</param>
/// <param name="BaseCommit">The data commit of the baseline side (main's head, or the merge base for the diff).</param>
/// <param name="HeadCommit">The data commit the candidate trained on.</param>
/// <param name="GitSha">The pull request's head commit.</param>
/// <param name="BaselineRun">The run that trained the baseline.</param>
/// <param name="CandidateRun">The run that trained the candidate.</param>
/// <param name="BaselineModel">The baseline as a model reference ("weather:1", or null when trained on main for this report).</param>
/// <param name="SpecHash">SHA-256 of the model spec.</param>
/// <param name="TrainRows">Rows the candidate trained on.</param>
/// <param name="Repository">The code repository, owner/name, when known.</param>
public sealed record ReportLineage(
    string BaseBranch,
    string DataBranch,
    string? BaseCommit,
    string? HeadCommit,
    string GitSha,
    string? BaselineRun,
    string? CandidateRun,
    string? BaselineModel,
    string? SpecHash,
    int? TrainRows,
    string? Repository);
