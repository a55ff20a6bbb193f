namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// Orders the invoked targets and everything they depend on: DependsOn schedules and orders, After only orders
/// targets that are scheduled anyway. Ties keep declaration order, so a plan is always the same.
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<ExecutableTarget> Plan(BuildModel model, IReadOnlyList<ExecutableTarget> invoked)
    {
        var byName = model.Targets.ToDictionary(t => t.Name);
        var scheduled = new HashSet<string>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.TryPop(out var target))
        {
            if (scheduled.Add(target.Name))
            {
                foreach (var dependency in target.DependsOn)
                    pending.Push(byName[dependency]);
            }
        }

        // predecessors[x] = targets that must run before x.
        var predecessors = scheduled.ToDictionary(n => n, _ => new HashSet<string>());
        foreach (var name in scheduled)
        {
            var target = byName[name];
            foreach (var earlier in target.DependsOn.Concat(target.After).Where(scheduled.Contains))
                predecessors[name].Add(earlier);
        }

        var plan = new List<ExecutableTarget>();
        while (predecessors.Count > 0)
        {
            var next = predecessors.Where(p => p.Value.Count == 0).Select(p => byName[p.Key]).MinBy(t => t.Index)
                ?? throw new UsageException(
                    $"Circular dependencies between targets: {string.Join(", ", predecessors.Keys.Order(StringComparer.Ordinal))}.");
            plan.Add(next);
            predecessors.Remove(next.Name);
            foreach (var remaining in predecessors.Values)
                remaining.Remove(next.Name);
        }

        return plan;
    }
}
