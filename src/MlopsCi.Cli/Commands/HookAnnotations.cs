using MlopsCi.Core.Hooks;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// GitHub Actions annotations for hook findings: <c>::error file=path,line=n,title=hook id::finding</c> (<c>::warning</c> for
/// hooks with severity warn), escaped the
/// runner's way (<c>%</c>, CR, LF in the message; also <c>:</c> and <c>,</c> in properties). The file is the checkout's
/// (data/train.csv) when the command knows the mapping, so GitHub attaches the annotation to the pull request's diff.
/// </summary>
internal static class HookAnnotations
{
    private const int MaxAnnotations = 50;

    public static void Write(TextWriter error, HookRun run, Func<string, string?>? checkoutPath = null)
    {
        var written = 0;
        foreach (var result in run.Results.Where(r => !r.Passed))
        {
            foreach (var finding in result.Findings)
            {
                if (written++ == MaxAnnotations)
                {
                    error.WriteLine(WorkflowCommandFormat.Format("warning", [], $"More hook findings than the {MaxAnnotations} annotated; 'mlops data hooks runs {run.Branch}' shows them all."));
                    return;
                }

                var line = finding.Samples.FirstOrDefault()?.Line;
                var where = new AnnotationProperties(
                    File: finding.File.Length == 0 ? null : checkoutPath?.Invoke(finding.File) ?? finding.File,
                    Line: line is > 0 and <= int.MaxValue ? (int)line : null,
                    Title: $"{HookRunText.EventName(run.Event)} hook {result.HookId} {(result.Warns ? "warned" : "failed")}");
                error.WriteLine(WorkflowCommandFormat.Format(result.Warns ? "warning" : "error", where.ToProperties(), $"{result.HookId}: {HookRunText.Describe(finding)}"));
            }
        }
    }
}
