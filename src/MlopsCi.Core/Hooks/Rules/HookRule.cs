namespace MlopsCi.Core.Hooks.Rules;

/// <summary>What a hook checks. Table rules read changed CSV/TSV/Parquet files in one pass; file rules look at paths and sizes.</summary>
public abstract record HookRule
{
    /// <summary>Whether the rule reads the rows of tabular files.</summary>
    public virtual bool ReadsTables => true;

    /// <summary>A short description of the rule for reports (e.g. "between 0 and 1000").</summary>
    public abstract string Describe();
}
