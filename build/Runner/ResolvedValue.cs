namespace MlopsCi.BuildScript.Runner;

/// <summary>A parameter value and where it came from ("argument --store", "environment MLOPS_STORE", ...).</summary>
internal sealed record ResolvedValue(object Value, string Source);
