namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// One configured hook: its id, type name, rule and the file globs it looks at (empty: the rule's default — tabular
/// files for table rules, every file for file and command rules). Paths under <c>_mlops/</c> are never data.
/// </summary>
public sealed record HookDefinition(string Id, string Type, HookRule Rule, IReadOnlyList<string> Files, HookSource Source);
