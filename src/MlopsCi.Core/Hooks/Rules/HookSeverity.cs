namespace MlopsCi.Core.Hooks.Rules;

/// <summary>What a hook's findings do: <see cref="Fail"/> blocks the commit or merge, <see cref="Warn"/> only reports them.</summary>
public enum HookSeverity
{
    /// <summary>Findings block the change (exit 1).</summary>
    Fail,

    /// <summary>Findings show in the report and as warning annotations; the change goes ahead.</summary>
    Warn,
}
