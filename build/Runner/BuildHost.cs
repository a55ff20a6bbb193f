using MlopsCi.GitHub.Actions;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Runs one invocation: parse, then --help / --generate-schema / resolve parameters / plan / --plan / execute.
/// Exit codes: 0 success, 1 a target failed, 2 bad usage (unknown target or parameter, bad value).
/// </summary>
internal static class BuildHost
{
    public static async Task<int> RunAsync<T>(
        IReadOnlyList<string> args,
        Func<T, Target> defaultTarget,
        HostContext context,
        CancellationToken cancellationToken)
        where T : BuildBase, new()
    {
        var build = new T
        {
            RootDirectory = context.RootDirectory,
            Variables = context.Variables,
            Output = context.Output,
            Processes = context.Processes,
        };
        try
        {
            var model = BuildModel.From(build, defaultTarget(build));
            var invocation = CommandLine.Parse(args, model);
            if (invocation.Help)
            {
                HelpWriter.Write(context.Output, model);
                return 0;
            }

            if (invocation.GenerateSchema)
            {
                SchemaWriter.Write(model, context.RootDirectory);
                context.Output.WriteLine($"Wrote {SchemaWriter.RelativePath}.");
                return 0;
            }

            var invoked = invocation.Targets.Select(model.GetTarget).ToList();
            if (invoked.Count == 0)
                invoked.Add(model.DefaultTarget ?? throw new UsageException("Name a target to run; --help lists them."));
            var resolved = new ParameterResolver(context.RootDirectory, context.Variables).Resolve(model, invocation);
            foreach (var (parameter, value) in resolved)
                parameter.Property.SetValue(build, value.Value);

            var plan = ExecutionPlanner.Plan(model, invoked);
            if (invocation.Plan)
            {
                ConsoleReport.WritePlan(context.Output, plan);
                return 0;
            }

            CheckRequirements(plan, model, build);
            foreach (var (parameter, value) in resolved.OrderBy(r => r.Key.Name, StringComparer.Ordinal))
                context.Output.WriteLine($"{parameter.Name} = {value.Value} (from {value.Source})");
            var results = await new BuildExecutor(context.Output, context.OnGitHubActions)
                .RunAsync(plan, build.Continue, cancellationToken);
            ConsoleReport.WriteSummary(context.Output, results);
            return results.Any(r => r.Status != TargetStatus.Succeeded) ? 1 : 0;
        }
        catch (UsageException e)
        {
            context.Error.WriteLine(context.OnGitHubActions ? WorkflowCommandFormat.Format("error", [], e.Message) : e.Message);
            return 2;
        }
    }

    private static void CheckRequirements(IReadOnlyList<ExecutableTarget> plan, BuildModel model, BuildBase build)
    {
        var missing = plan
            .SelectMany(t => t.Requires.Select(r => (Target: t.Name, Parameter: model.FindParameter(r)
                ?? throw new InvalidOperationException($"Target {t.Name} requires '{r}', which is not a parameter."))))
            .Where(x => x.Parameter.Property.GetValue(build) is null or "")
            .ToList();
        if (missing.Count == 0)
            return;
        var lines = missing.Select(m =>
            $"  {m.Target} requires --{m.Parameter.Kebab} (or env {m.Parameter.EnvironmentNames[0]}, or {m.Parameter.Name} in .nuke/parameters.json)");
        throw new UsageException("Missing parameters:" + Environment.NewLine + string.Join(Environment.NewLine, lines));
    }
}
