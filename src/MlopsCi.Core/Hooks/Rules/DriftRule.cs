namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>drift</c>: each column compared with the destination's version of the file as <c>mlops drift</c> does (PSI with KS for
/// numbers, PSI with χ² for categories); fails when PSI exceeds <see cref="Psi"/> or the test's p-value falls below <see cref="PValue"/>.
/// </summary>
public sealed record DriftRule(IReadOnlyList<string> Columns, double Psi, double PValue) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"no drift from the destination (PSI ≤ {ChangeLimit.Number(Psi)}, p ≥ {ChangeLimit.Number(PValue)})";
}
