namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>leakage</c>: no row of the evaluation files (<see cref="Eval"/> globs) appears in the training files (<see cref="Train"/>
/// globs), compared by <see cref="Key"/> columns or, when empty, by the whole record. Runs when a file of either side changed.
/// </summary>
public sealed record LeakageRule(IReadOnlyList<string> Train, IReadOnlyList<string> Eval, IReadOnlyList<string> Key) : HookRule
{
    /// <inheritdoc />
    public override bool ReadsTables => false;

    /// <inheritdoc />
    public override string Describe() => Key.Count > 0 ? $"no evaluation key ({string.Join(", ", Key)}) in the training files" : "no evaluation row in the training files";
}
