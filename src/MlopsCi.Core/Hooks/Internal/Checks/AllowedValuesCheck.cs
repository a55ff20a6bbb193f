using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>allowed-values</c>: looks values up without allocating (a span lookup into the set).</summary>
internal sealed class AllowedValuesCheck(AllowedValuesRule rule, string file, int maxSamples) : ColumnCheck(file, maxSamples, rule.Columns, rule.Describe())
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _allowed =
        new HashSet<string>(rule.Values, rule.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    protected override bool Accepts(ReadOnlySpan<char> value, TableRow row) => _allowed.Contains(value);
}
