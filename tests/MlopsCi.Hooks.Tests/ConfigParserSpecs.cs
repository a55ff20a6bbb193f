using MlopsCi.Config.Hooks;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Hooks.Tests;

/// <summary>Reading hooks files: the lakeFS-shaped example as written, every type's properties, and errors with lines.</summary>
public sealed class ConfigParserSpecs
{
    internal const string IssueExample = """
        name: data quality
        on:
          pre-commit: { branches: ["*"] }
          pre-merge: { branches: [main] }
        hooks:
          - id: fare-present
            type: not-null
            properties: { files: "*.csv", columns: [fare_amount] }
          - id: fare-range
            type: range
            properties: { files: "*.csv", column: fare_amount, min: 0, max: 1000 }
        """;

    private static HookDocument Parse(string yaml) => new HookConfigParser().Parse(yaml, "_mlops/hooks.yml")!;

    private static string Error(string yaml) => Assert.Throws<InvalidInputException>(() => Parse(yaml)).Message;

    private static HookRule Rule(string type, string properties) =>
        Parse($"on: {{ pre-commit: }}\nhooks:\n  - id: h\n    type: {type}\n    properties: {properties}\n").Hooks[0].Rule;

    [Fact]
    public void The_example_of_the_issue_parses_as_written()
    {
        var document = Parse(IssueExample);

        Assert.Equal("data quality", document.Name);
        Assert.Equal([new HookTrigger(HookEvent.PreCommit, ["*"]), new HookTrigger(HookEvent.PreMerge, ["main"])], document.Triggers, TriggerComparer.Instance);
        Assert.Equal(["fare-present", "fare-range"], document.Hooks.Select(h => h.Id));
        Assert.Equal(["fare_amount"], Assert.IsType<NotNullRule>(document.Hooks[0].Rule).Columns);
        var range = Assert.IsType<RangeRule>(document.Hooks[1].Rule);
        Assert.Equal((0d, 1000d), (range.Min!.Value, range.Max!.Value));
        Assert.Equal(["*.csv"], document.Hooks[1].Files);
        Assert.Equal(new HookSource("_mlops/hooks.yml", 9), document.Hooks[1].Source);
    }

    [Fact]
    public void Every_hook_type_reads_its_properties()
    {
        var schema = Assert.IsType<SchemaRule>(Rule("schema", "{ columns: { id: integer, fare: float, paid: bool, day: date, at: timestamp, note: text }, allow-extra-columns: true }"));
        Assert.Equal([ColumnType.Integer, ColumnType.Number, ColumnType.Boolean, ColumnType.Date, ColumnType.DateTime, ColumnType.String], schema.Columns.Select(c => c.Type));
        Assert.True(schema.AllowExtraColumns);
        Assert.Equal(["a", "b"], Assert.IsType<AllowedValuesRule>(Rule("allowed-values", "{ column: p, values: [a, b], ignore-case: true }")).Values);
        Assert.Equal(["k1", "k2"], Assert.IsType<UniqueRule>(Rule("unique", "{ columns: [k1, k2] }")).Columns);
        Assert.Equal(10, Assert.IsType<RowCountRule>(Rule("row-count", "{ min: 10 }")).Min);
        Assert.Equal(0.05, Assert.IsType<NullFractionRule>(Rule("null-fraction", "{ column: x, max: 5% }")).Max, 9);
        Assert.False(Assert.IsType<RegexRule>(Rule("regex", "{ column: note, must-not-match: '\\d{16}' }")).MustMatch);
        Assert.Equal(["csv", "parquet", "tsv"], Assert.IsType<FileFormatRule>(Rule("file-format", "{ formats: [csv, .parquet, tab] }")).Formats);
        Assert.Equal(10_485_760, Assert.IsType<FileSizeRule>(Rule("file-size", "{ max: 10MiB }")).MaxBytes);
        Assert.Equal(1_500_000_000, Assert.IsType<FileSizeRule>(Rule("file-size", "{ max: 1.5 GB }")).MaxBytes);
        var command = Assert.IsType<CommandRule>(Rule("command", "{ run: ./check.sh, timeout: 2m }"));
        Assert.Equal(("./check.sh", TimeSpan.FromMinutes(2)), (command.Run, command.Timeout));
    }

    [Fact]
    public void A_trigger_without_branches_applies_to_every_branch()
    {
        var document = Parse("on:\n  pre-commit:\nhooks:\n  - { id: a, type: row-count, properties: { min: 1 } }\n");

        Assert.True(document.Triggers[0].Matches(HookEvent.PreCommit, "feature/x"));
        Assert.False(document.Triggers[0].Matches(HookEvent.PreMerge, "main"));
    }

    [Fact]
    public void An_unknown_hook_type_names_the_line_and_the_closest_type()
    {
        var message = Error("on: { pre-commit: }\nhooks:\n  - id: a\n    type: not-nul\n");

        Assert.StartsWith("_mlops/hooks.yml line 4: unknown hook type 'not-nul' (did you mean 'not-null'?)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_type_names_its_line()
    {
        var message = Error("on: { pre-commit: }\nhooks:\n  - id: a\n    type: schema\n    properties:\n      columns:\n        id: integer\n        fare: numbr\n");

        Assert.StartsWith("_mlops/hooks.yml line 8: unknown column type 'numbr' for column 'fare' (did you mean 'number'?)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_names_its_line_and_the_closest_property()
    {
        var message = Error("on: { pre-commit: }\nhooks:\n  - id: a\n    type: range\n    properties:\n      column: x\n      maximum: 3\n");

        Assert.StartsWith("_mlops/hooks.yml line 7: unknown key 'maximum' under 'hooks[0].properties'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_and_column()
    {
        var message = Error("on: { pre-commit: }\nhooks:\n  - id: a\n   type: [unclosed\n");

        Assert.StartsWith("_mlops/hooks.yml line 4", message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hooks:\n  - { id: a, type: row-count, properties: { min: 1 } }\n", "line 1: 'on' is required")]
    [InlineData("on: { pre-commit: }\n", "line 1: 'hooks' is required")]
    [InlineData("on: { pre-push: }\nhooks: []\n", "line 1: unknown key 'pre-push' under 'on'")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - { id: a, type: row-count, properties: { min: 1 } }\n  - { id: a, type: row-count, properties: { min: 1 } }\n", "line 4: hook id 'a' is already used on line 3")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - { id: a, type: range }\n", "line 3: 'hooks[0].properties.min' or 'hooks[0].properties.max' is required")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: range\n    properties: { column: x, min: 5, max: 1 }\n", "line 5: min (5) is greater than max (1)")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: regex\n    properties: { column: x, must-match: '(' }\n", "line 5: 'hooks[0].properties.must-match' is not a valid regular expression")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: null-fraction\n    properties: { column: x, max: 1.5 }\n", "line 5: 'hooks[0].properties.max' must be a fraction")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: file-size\n    properties: { max: lots }\n", "line 5: 'hooks[0].properties.max' must be a size")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: command\n    properties: { run: x, timeout: forever }\n", "line 5: 'hooks[0].properties.timeout' must be a duration")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: 'a b'\n    type: unique\n", "line 3: hook id 'a b' may hold only")]
    [InlineData("on: { pre-commit: }\nhooks:\n  - id: a\n    type: not-null\n    properties: { column: x, columns: [y] }\n", "give either")]
    public void Bad_configuration_says_what_is_wrong_and_where(string yaml, string expected) =>
        Assert.Contains(expected, Error(yaml), StringComparison.Ordinal);

    private sealed class TriggerComparer : IEqualityComparer<HookTrigger>
    {
        public static TriggerComparer Instance { get; } = new();

        public bool Equals(HookTrigger? x, HookTrigger? y) => x!.Event == y!.Event && x.Branches.SequenceEqual(y.Branches);

        public int GetHashCode(HookTrigger obj) => obj.Event.GetHashCode();
    }
}
