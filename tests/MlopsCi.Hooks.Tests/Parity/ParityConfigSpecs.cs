using MlopsCi.Config.Hooks;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>Reading the parity rules' properties, severity and mostly, and the errors (with their lines) for bad ones.</summary>
public sealed class ParityConfigSpecs
{
    private static HookDefinition Hook(string type, string properties, string extra = "") =>
        new HookConfigParser().Parse($"on: {{ pre-commit: }}\nhooks:\n  - id: h\n    type: {type}\n{extra}    properties: {properties}\n", "_mlops/hooks.yml")!.Hooks[0];

    private static string Error(string type, string properties, string extra = "") =>
        Assert.Throws<InvalidInputException>(() => Hook(type, properties, extra)).Message;

    [Fact]
    public void Every_parity_rule_reads_its_properties()
    {
        Assert.Equal(new CompareRule("pickup time", "<", "dropoff"), Hook("compare", "{ expression: \"pickup time < dropoff\" }").Rule);
        Assert.Equal(new FreshnessRule("date", TimeSpan.FromHours(36)), Hook("freshness", "{ column: date, max-age: 1.5d }").Rule);
        Assert.Equal(TimeSpan.FromHours(6), ((FreshnessRule)Hook("freshness", "{ column: date, max-age: PT6H }").Rule).MaxAge);
        Assert.Equal(new ChangeLimit(0.2, true), ((RowCountRule)Hook("row-count", "{ change: ±20% }").Rule).Change);
        var quantile = (StatisticRule)Hook("quantile", "{ column: fare, quantile: 0.95, change: +-2.5 }").Rule;
        Assert.Equal((0.95, new ChangeLimit(2.5, false)), (quantile.Quantile, quantile.Change));
        Assert.Equal(new ReferentialRule("station", "dim/stations.csv", "id"), Hook("referential", "{ column: station, refs: dim/stations.csv:id }").Rule);
        Assert.Equal((0.25, 0.01), ((DriftRule)Hook("drift", "{ column: x, psi: 0.25, p-value: 0.01 }").Rule) is var d ? (d.Psi, d.PValue) : default);
        Assert.True(((UniqueRule)Hook("unique", "{ columns: [a, b], scope: table }").Rule).AcrossFiles);
        Assert.True(((DuplicateRowsRule)Hook("duplicate-rows", "{ files: \"t/*.csv\" }").Rule).AcrossFiles);
        var leakage = (LeakageRule)Hook("leakage", "{ train: train/*.csv, eval: [eval/a.csv, eval/b.csv], key: id }").Rule;
        Assert.Equal(["train/*.csv"], leakage.Train);
        Assert.Equal(["eval/a.csv", "eval/b.csv"], leakage.Eval);
        Assert.Equal(["id"], leakage.Key);
    }

    [Fact]
    public void Severity_and_mostly_are_read_and_new_categories_warn_by_default()
    {
        var mostly = Hook("not-null", "{ column: a, mostly: 99% }", "    severity: warn\n");
        var categories = Hook("new-categories", "{ column: a }");
        var strict = Hook("range", "{ column: a, min: 0 }");

        Assert.Equal((HookSeverity.Warn, (double?)0.99), (mostly.Severity, mostly.Mostly));
        Assert.Equal(HookSeverity.Warn, categories.Severity);
        Assert.Equal((HookSeverity.Fail, (double?)null), (strict.Severity, strict.Mostly));
    }

    [Theory]
    [InlineData("new-rule", "{ column: a }", "", "line 4: unknown hook type 'new-rule'")]
    [InlineData("freshness", "{ column: date, max-age: soon }", "", "line 5: 'hooks[0].properties.max-age' must be a period like 30d, 12h, 2w or P1D, not 'soon'")]
    [InlineData("referential", "{ column: a, refs: stations.csv }", "", "line 5: 'hooks[0].properties.refs' must be a data path and a column joined by ':'")]
    [InlineData("compare", "{ expression: a => b }", "", "line 5: 'hooks[0].properties.expression' must compare two columns")]
    [InlineData("row-count", "{ change: lots }", "", "line 5: 'hooks[0].properties.change' must be a change like ±20%")]
    [InlineData("range", "{ column: a, min: 0, mostly: 1.5 }", "", "line 5: 'hooks[0].properties.mostly' must be a fraction above 0 to 1")]
    [InlineData("unique", "{ column: a, scope: table, mostly: 0.9 }", "", "line 5: 'hooks[0].properties.mostly' counts the rows of one file: set scope: file, or drop mostly")]
    [InlineData("duplicate-rows", "{ mostly: 0.9 }", "", "line 5: 'hooks[0].properties.mostly' counts the rows of one file: set scope: file, or drop mostly")]
    [InlineData("range", "{ column: a, min: 0 }", "    severity: sometimes\n", "line 5: 'hooks[0].severity' must be fail or warn, not 'sometimes'")]
    [InlineData("quantile", "{ column: a, quantile: 1.5, max: 3 }", "", "line 5: 'hooks[0].properties.quantile' must be from 0 to 1")]
    [InlineData("leakage", "{ train: t/*.csv }", "", "line 5: 'hooks[0].properties.train' and 'hooks[0].properties.eval' are required")]
    public void Bad_parity_configuration_says_what_is_wrong_and_where(string type, string properties, string extra, string expected) =>
        Assert.Contains(expected, Error(type, properties, extra), StringComparison.Ordinal);
}
