namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// One configured hook: its id, type name, rule and the file globs it looks at (empty: the rule's default — tabular
/// files for table rules, every file for file and command rules). Paths under <c>_mlops/</c> are never data.
/// <see cref="Severity"/> says whether findings block; <see cref="Mostly"/> (row rules) lets a share of rows offend.
/// </summary>
public sealed record HookDefinition(
    string Id, string Type, HookRule Rule, IReadOnlyList<string> Files, HookSource Source, HookSeverity Severity = HookSeverity.Fail, double? Mostly = null);
