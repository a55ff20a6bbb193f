using MlopsCi.Core.Hooks.Internal.Checks;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Collects one hook's files, rows and findings from parallel file passes.</summary>
internal sealed class HookTally(HookDefinition hook)
{
    private readonly Lock _gate = new();
    private readonly List<HookFinding> _findings = [];
    private readonly List<(string File, ICrossFileCheck Check)> _kept = [];
    private long _files;
    private long _rows;
    private double _seconds;
    private string? _output;

    public void Add(long files, long rows, IEnumerable<HookFinding> findings)
    {
        lock (_gate)
        {
            _files += files;
            _rows += rows;
            _findings.AddRange(findings);
        }
    }

    /// <summary>Keeps a file's finished check for the cross-file merge.</summary>
    public void Keep(string file, ICrossFileCheck check)
    {
        lock (_gate)
            _kept.Add((file, check));
    }

    /// <summary>Merges the kept checks in path order (files are read in parallel, so in no fixed order), then lets them go.</summary>
    public void MergeAcrossFiles()
    {
        object? state = null;
        foreach (var (_, check) in _kept.OrderBy(k => k.File, StringComparer.Ordinal))
            _findings.AddRange(check.Merge(ref state));
        _kept.Clear();
    }

    public void Finish(double seconds, string? output = null)
    {
        _seconds = seconds;
        _output = output;
    }

    public HookResult ToResult()
    {
        var findings = _findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Column ?? "", StringComparer.Ordinal).ToList();
        return new HookResult(hook.Id, hook.Type, hook.Rule.Describe(), findings.Count == 0, _files, _rows, findings, hook.Source, Math.Round(_seconds, 3), _output, hook.Severity);
    }
}
