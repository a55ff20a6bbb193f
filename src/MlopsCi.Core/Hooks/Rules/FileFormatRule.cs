namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>file-format</c>: changed files have one of the allowed formats (by extension: csv, tsv, parquet, json, …).</summary>
public sealed record FileFormatRule(IReadOnlyList<string> Formats) : HookRule
{
    /// <inheritdoc />
    public override bool ReadsTables => false;

    /// <inheritdoc />
    public override string Describe() => $"format one of [{string.Join(", ", Formats)}]";
}
