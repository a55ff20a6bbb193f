namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>regex</c>: with <see cref="MustMatch"/> every non-null value must match the whole pattern (e.g. an e-mail
/// address); otherwise no value may contain a match anywhere (e.g. card numbers in free text).
/// </summary>
public sealed record RegexRule(IReadOnlyList<string> Columns, string Pattern, bool MustMatch, bool IgnoreCase) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => MustMatch ? $"matches /{Pattern}/" : $"does not contain /{Pattern}/";
}
