namespace MlopsCi.Core.Hooks.Rules;

/// <summary>One hooks file (<c>_mlops/hooks.yml</c> or <c>_mlops/hooks/*.yml</c>): when it applies and its ordered hooks.</summary>
public sealed record HookDocument(string Name, string File, IReadOnlyList<HookTrigger> Triggers, IReadOnlyList<HookDefinition> Hooks);
