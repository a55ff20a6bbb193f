using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>Counts offending rows and keeps the first few as samples (values cut at 200 characters).</summary>
internal sealed class Offenders(int maxSamples)
{
    private const int MaxValueLength = 200;
    private readonly List<RowSample> _samples = [];

    public long Count { get; private set; }

    public IReadOnlyList<RowSample> Samples => _samples;

    /// <summary>Counts a row; an empty value is shown as null.</summary>
    public void Add(TableRow row, ReadOnlySpan<char> value)
    {
        Count++;
        if (_samples.Count < maxSamples)
            Keep(row, value.Length == 0 ? null : value.Length > MaxValueLength ? value[..MaxValueLength].ToString() + "…" : value.ToString());
    }

    /// <summary>Counts a row with a value already made for display.</summary>
    public void Add(TableRow row, string? value)
    {
        Count++;
        if (_samples.Count < maxSamples)
            Keep(row, value);
    }

    private void Keep(TableRow row, string? value) => _samples.Add(new RowSample(row.Number, row.Line == 0 ? null : row.Line, value));
}
