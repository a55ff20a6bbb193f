namespace MlopsCi.Core.Reporting;

/// <summary>
/// A pull request that changes the spec: each change ("gate `auc`: max-regression 5% → 60%"), and the gates as the
/// pull request writes them, evaluated for information; the destination's gates decide until the change is merged.
/// </summary>
public sealed record SpecChangesSection(IReadOnlyList<string> Changes, IReadOnlyList<GateRow> OwnGates);
