using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>referential</c>: a value offends when the referenced column (read once per run) does not have it.</summary>
internal sealed class ReferentialCheck(ReferentialRule rule, string file, int maxSamples, HashSet<string> values)
    : ColumnCheck(file, maxSamples, [rule.Column], rule.Describe())
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _values = values.GetAlternateLookup<ReadOnlySpan<char>>();

    protected override bool Accepts(ReadOnlySpan<char> value, TableRow row) => _values.Contains(value);
}
