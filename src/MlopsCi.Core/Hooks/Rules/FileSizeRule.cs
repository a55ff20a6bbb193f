namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>file-size</c>: changed files are at most <see cref="MaxBytes"/> bytes.</summary>
public sealed record FileSizeRule(long MaxBytes) : HookRule
{
    /// <inheritdoc />
    public override bool ReadsTables => false;

    /// <inheritdoc />
    public override string Describe() => $"at most {Internal.Sizes.Format(MaxBytes)}";
}
