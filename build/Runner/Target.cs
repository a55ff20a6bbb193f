namespace MlopsCi.BuildScript.Runner;

/// <summary>A target as Nuke declares one: a property whose lambda configures a <see cref="TargetDefinition"/>.</summary>
internal delegate TargetDefinition Target(TargetDefinition definition);
