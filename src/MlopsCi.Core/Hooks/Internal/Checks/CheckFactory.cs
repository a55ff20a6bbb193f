using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>Creates the per-file check of a table rule.</summary>
internal static class CheckFactory
{
    public static TableCheck Create(HookRule rule, string file, int maxSamples) => rule switch
    {
        SchemaRule schema => new SchemaCheck(schema, file, maxSamples),
        NotNullRule notNull => NullCheck.For(notNull, file, maxSamples),
        NullFractionRule fraction => NullCheck.For(fraction, file, maxSamples),
        RangeRule range => new RangeCheck(range, file, maxSamples),
        AllowedValuesRule allowed => new AllowedValuesCheck(allowed, file, maxSamples),
        UniqueRule unique => new UniqueCheck(unique, file, maxSamples),
        RowCountRule rows => new RowCountCheck(rows, file, maxSamples),
        RegexRule regex => new RegexCheck(regex, file, maxSamples),
        _ => throw new ArgumentException($"{rule.GetType().Name} does not read tables.", nameof(rule)),
    };
}
