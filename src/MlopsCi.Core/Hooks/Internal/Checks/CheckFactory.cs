using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>Creates the per-file check of a table rule, with the hook's <c>mostly</c>.</summary>
internal static class CheckFactory
{
    public static TableCheck Create(HookDefinition hook, string file, int maxSamples, RunFacts facts)
    {
        var check = Create(hook.Rule, file, maxSamples, facts, hook.Id);
        check.Mostly = hook.Mostly;
        return check;
    }

    private static TableCheck Create(HookRule rule, string file, int maxSamples, RunFacts facts, string hookId) => rule switch
    {
        SchemaRule schema => new SchemaCheck(schema, file, maxSamples),
        NotNullRule notNull => NullCheck.For(notNull, file, maxSamples),
        NullFractionRule fraction => NullCheck.For(fraction, file, maxSamples),
        RangeRule range => new RangeCheck(range, file, maxSamples),
        AllowedValuesRule allowed => new AllowedValuesCheck(allowed, file, maxSamples),
        UniqueRule unique => new UniqueCheck(unique, file, maxSamples),
        RowCountRule rows => new RowCountCheck(rows, file, maxSamples),
        RegexRule regex => new RegexCheck(regex, file, maxSamples),
        CompareRule compare => new CompareCheck(compare, file, maxSamples),
        FreshnessRule freshness => new FreshnessCheck(freshness, file, maxSamples, facts.CommitTime),
        StatisticRule statistic => new StatisticCheck(statistic, file, maxSamples),
        NewCategoriesRule categories => new NewCategoriesCheck(categories, file, maxSamples),
        DuplicateRowsRule duplicates => new DuplicateRowsCheck(duplicates, file, maxSamples),
        ReferentialRule referential => new ReferentialCheck(referential, file, maxSamples, facts.References[hookId]),
        DriftRule drift => new DriftCheck(drift, file, maxSamples),
        _ => throw new ArgumentException($"{rule.GetType().Name} does not read tables.", nameof(rule)),
    };
}
