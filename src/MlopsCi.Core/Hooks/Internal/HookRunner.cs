using System.Diagnostics;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Internal.Checks;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>
/// Runs the hooks that apply to an event and branch on the changed files only: file rules from the tree entries, table
/// rules in one streaming pass per changed file (files in parallel; the destination's version first where a rule compares
/// with it), cross-file rules merged in path order, then leakage and command hooks one after another in order.
/// </summary>
internal sealed partial class HookRunner(HookValidatorOptions options)
{
    private readonly TableReaderLookup _readers = new(options.Readers, options.Dialects);

    public static IReadOnlyList<HookDefinition> Select(IEnumerable<HookDocument> documents, HookEvent hookEvent, string branch) =>
        [.. documents.Where(d => d.Triggers.Any(t => t.Matches(hookEvent, branch))).SelectMany(d => d.Hooks)];

    public async Task<HookRun?> RunAsync(ValidationContext context, IReadOnlyList<HookDocument> documents, CancellationToken cancellationToken)
    {
        var hooks = Select(documents, context.Event, context.Branch);
        if (hooks.Count == 0)
            return null;
        var started = options.Time.GetUtcNow();
        var changed = context.Changes.Where(c => c.Right is not null && HookPaths.IsData(c.Path)).Select(c => c.Right!).ToList();
        var deleted = context.Changes.Where(c => c.Right is null && HookPaths.IsData(c.Path)).Select(c => c.Path).ToList();
        var tallies = hooks.ToDictionary(h => h, h => new HookTally(h));

        foreach (var hook in hooks.Where(h => h.Rule is FileFormatRule or FileSizeRule))
        {
            var files = changed.Where(e => Selects(hook, e.Path)).ToList();
            tallies[hook].Add(files.Count, 0, FileRules.Check(hook.Rule, files));
        }

        var watch = Stopwatch.StartNew();
        var tableHooks = hooks.Where(h => h.Rule.ReadsTables).ToList();
        var work = changed.Select(e => (Entry: e, Hooks: tableHooks.Where(h => Selects(h, e.Path)).ToList())).Where(w => w.Hooks.Count > 0).ToList();
        var facts = new RunFacts(context.CommitTime ?? started, await LoadReferencesAsync(context, work.SelectMany(w => w.Hooks).Distinct(), cancellationToken));
        var destination = context.Destination ?? context.Before;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work, parallel, async (item, ct) => await ReadTableAsync(context.Repository, destination, item.Entry, item.Hooks, tallies, facts, ct));
        foreach (var hook in tableHooks)
        {
            tallies[hook].MergeAcrossFiles();
            tallies[hook].Finish(watch.Elapsed.TotalSeconds);
        }

        foreach (var hook in hooks.Where(h => h.Rule is LeakageRule))
        {
            var time = Stopwatch.StartNew();
            await LeakageHook.RunAsync((LeakageRule)hook.Rule, context, changed.Select(e => e.Path).Concat(deleted).ToList(), _readers, tallies[hook], options.MaxSamples, cancellationToken);
            tallies[hook].Finish(time.Elapsed.TotalSeconds);
        }

        foreach (var hook in hooks.Where(h => h.Rule is CommandRule))
        {
            var files = changed.Where(e => Selects(hook, e.Path)).ToList();
            var time = Stopwatch.StartNew();
            var (findings, output) = await CommandHook.RunAsync(hook, (CommandRule)hook.Rule, context, files, deleted, cancellationToken);
            tallies[hook].Add(files.Count, 0, findings);
            tallies[hook].Finish(time.Elapsed.TotalSeconds, output);
        }

        var results = hooks.Select(h => tallies[h].ToResult()).ToList();
        return new HookRun(Guid.NewGuid().ToString("N")[..12], context.Branch, context.Event, started, context.RulesCommit.Id, context.After.ComputeId(), context.Changes.Count, results);
    }

    /// <summary>Whether a hook looks at a path: its globs, or by default tabular files (table rules) or every file.</summary>
    private static bool Selects(HookDefinition hook, string path) =>
        hook.Files.Count == 0 ? !hook.Rule.ReadsTables || TableFormats.IsTabular(path) : hook.Files.Any(p => Glob.Path(p).IsMatch(path));

    private async Task ReadTableAsync(
        Repository repository, Metarange destination, Entry entry, List<HookDefinition> hooks, Dictionary<HookDefinition, HookTally> tallies, RunFacts facts, CancellationToken cancellationToken)
    {
        var format = TableFormats.Of(entry.Path);
        if (_readers.For(entry.Path) is not { } reader)
        {
            var message = $"cannot be read as a table (format '{format}'); hooks read {string.Join(", ", _readers.Formats)}";
            foreach (var hook in hooks)
                tallies[hook].Add(1, 0, [new HookFinding(entry.Path, null, "a readable table", 0, [], message)]);
            return;
        }

        var checks = hooks.Select(h => CheckFactory.Create(h, entry.Path, options.MaxSamples, facts)).ToArray();
        await ReadBaselineAsync(repository, destination, entry, reader, [.. checks.OfType<IBaselineCheck>().Where(c => c.NeedsBaseline)], cancellationToken);
        using var pass = new TablePass(checks);
        try
        {
            await TableSource.ReadAsync(repository, entry, reader, pass, cancellationToken);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidDataException)
        {
            foreach (var hook in hooks)
                tallies[hook].Add(1, pass.Rows, [new HookFinding(entry.Path, null, "a readable table", 0, [], e.Message.TrimEnd('.'))]);
            return;
        }

        pass.Finish();
        for (var i = 0; i < hooks.Count; i++)
        {
            tallies[hooks[i]].Add(1, pass.Rows, checks[i].Findings);
            if (checks[i] is ICrossFileCheck { SpansFiles: true } crossFile)
                tallies[hooks[i]].Keep(entry.Path, crossFile);
        }
    }

    /// <summary>
    /// Streams the destination's version of the path into the checks that compare with it. None (a new file) or one
    /// that cannot be read leaves them without a baseline: there is nothing to compare with, which is not this change's fault.
    /// </summary>
    private async Task ReadBaselineAsync(Repository repository, Metarange destination, Entry entry, ITableReader reader, List<IBaselineCheck> checks, CancellationToken cancellationToken)
    {
        if (checks.Count == 0 || await repository.FindAsync(destination, entry.Path, cancellationToken) is not { } before)
            return;
        var visitor = new RowsVisitor(
            header => checks.ForEach(c => c.StartBaseline(header)),
            row => checks.ForEach(c => c.ObserveBaseline(row)));
        try
        {
            await TableSource.ReadAsync(repository, before, reader, visitor, cancellationToken);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidDataException)
        {
            return;
        }

        checks.ForEach(c => c.FinishBaseline(visitor.Rows));
    }
}
