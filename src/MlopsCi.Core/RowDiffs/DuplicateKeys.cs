namespace MlopsCi.Core.RowDiffs;

/// <summary>Rows of one version whose key repeats an earlier row's (a key should name one row), with the first such keys.</summary>
public sealed record DuplicateKeys(long Rows, IReadOnlyList<string> FirstKeys);
