using System.Diagnostics;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Runs a plan in order. A failed target fails the build; targets depending on it are Skipped; the others are
/// NotRun unless --continue. On GitHub Actions each target is a collapsible ::group::.
/// </summary>
internal sealed class BuildExecutor(TextWriter output, bool onGitHubActions)
{
    public async Task<IReadOnlyList<TargetResult>> RunAsync(
        IReadOnlyList<ExecutableTarget> plan,
        bool continueOnFailure,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, TargetResult>();
        var stopped = false;
        foreach (var target in plan)
        {
            var brokenDependency = target.DependsOn
                .FirstOrDefault(d => results.TryGetValue(d, out var r) && r.Status is TargetStatus.Failed or TargetStatus.Skipped);
            if (brokenDependency is not null)
            {
                var reason = results[brokenDependency].Status == TargetStatus.Failed
                    ? $"{brokenDependency} failed"
                    : $"{brokenDependency} was skipped";
                results[target.Name] = new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, reason);
                output.WriteLine($"Skipping {target.Name}: {reason}.");
                continue;
            }

            if (stopped)
            {
                results[target.Name] = new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, "build stopped");
                continue;
            }

            var result = await RunTargetAsync(target, cancellationToken);
            results[target.Name] = result;
            stopped = result.Status == TargetStatus.Failed && (!continueOnFailure || cancellationToken.IsCancellationRequested);
        }

        return plan.Select(t => results[t.Name]).ToList();
    }

    private async Task<TargetResult> RunTargetAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        output.WriteLine(onGitHubActions ? $"::group::{target.Name}" : $"{Environment.NewLine}=== {target.Name} ===");
        var clock = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            foreach (var action in target.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action(cancellationToken);
            }
        }
        catch (Exception e) when (e is BuildException or UsageException)
        {
            failure = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled";
        }
#pragma warning disable CA1031 // A bug in one target must still end in the summary, with its full trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e.Message;
            output.WriteLine(e);
        }

        clock.Stop();
        if (onGitHubActions)
            output.WriteLine("::endgroup::");
        if (failure is null)
            return new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed);

        output.WriteLine(onGitHubActions
            ? WorkflowCommandFormat.Format("error", [new("title", $"Target {target.Name} failed")], failure)
            : $"Target {target.Name} failed: {failure}");
        return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, failure);
    }
}
