using MlopsCi.Config.Specs;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.Training.Tests.Config;

/// <summary>Every problem of mlops.yml at once, each with its line (issue 17: only the first was reported).</summary>
public sealed class SpecErrorSpecs
{
    /// <summary>Three mistakes: an unknown task (line 3), a misspelt key (line 6), a drift top below 1 (line 8).</summary>
    public const string ThreeMistakes = """
        model:
          name: m
          task: binar
          data: { train: a.csv }
          label: y
          trainr: sdca
        drift:
          top: 0

        """;

    [Fact]
    public void A_spec_with_three_mistakes_reports_all_three_with_their_lines()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(ThreeMistakes));

        Assert.Equal(
            """
            mlops.yml has 3 errors:
            mlops.yml line 3: unknown task 'binar'; use binary, multiclass or regression.
            mlops.yml line 6: unknown key 'trainr' under 'model' (did you mean 'trainer'?).
            mlops.yml line 8: 'drift.top' must be at least 1.
            """.ReplaceLineEndings("\n"),
            error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void Each_problem_keeps_its_line_and_message_apart()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(ThreeMistakes));

        Assert.Equal([3, 6, 8], error.SpecErrors.Select(e => e.Line));
        Assert.Equal("unknown key 'trainr' under 'model' (did you mean 'trainer'?)", error.SpecErrors[1].Message);
        Assert.All(error.SpecErrors, e => Assert.Equal("mlops.yml", e.File));
    }

    [Fact]
    public void Problems_in_every_section_and_in_one_gate_are_all_reported()
    {
        const string Yaml = """
            store: s3://b
            data: { path: data/, keys: { "*.csv": [] } }
            model:
              name: "bad name"
              task: binary
              data: { train: a.csv, split: 2 }
              label: y
              key: [id, id]
            gates:
              - { metric: acuracy, max-regression: lots }
              - { metric: auc }
            monitor:
              max-degradation: much

            """;

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(Yaml));

        Assert.Equal([2, 4, 6, 8, 10, 10, 11, 13], error.SpecErrors.Select(e => e.Line));
        Assert.Contains("unknown metric 'acuracy'", error.SpecErrors[4].Message, StringComparison.Ordinal);
        Assert.Contains("'max-regression' must be a percentage", error.SpecErrors[5].Message, StringComparison.Ordinal);
        Assert.Equal("the gate on 'auc' sets no limit; add max-regression, min or max", error.SpecErrors[6].Message);
    }

    [Fact]
    public void One_problem_reads_as_before()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data: { train: a.csv }\n  label: y\n  lable: y\n"));

        Assert.Equal("mlops.yml line 6: unknown key 'lable' under 'model' (did you mean 'label'?).", error.Message);
        Assert.Single(error.SpecErrors);
    }

    [Fact]
    public void A_misspelt_required_key_is_one_problem_not_also_a_missing_one()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data: { trian: a.csv }\n  lable: y\n"));

        Assert.Equal(
            ["unknown key 'trian' under 'model.data' (did you mean 'train'?)", "unknown key 'lable' under 'model' (did you mean 'label'?)"],
            error.SpecErrors.Select(e => e.Message));
    }

    [Fact]
    public void Invalid_yaml_is_one_problem_with_its_line_and_column()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n  task: [binary\n"));

        var problem = Assert.Single(error.SpecErrors);
        Assert.Equal("mlops.yml", problem.File);
        Assert.InRange(problem.Line, 3, 4);
        Assert.NotNull(problem.Column);
        Assert.StartsWith("invalid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'#'")]
    [InlineData("'é'")]
    public void A_separator_the_reader_cannot_use_is_refused_with_its_line(string separator)
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse($"model:\n  name: m\n  task: binary\n  data: {{ train: a.csv, csv: {{ separator: {separator} }} }}\n  label: y\n"));

        Assert.Equal($"mlops.yml line 4: 'model.data.csv.separator' cannot be {separator}: use a tab or a printable ASCII character other than '\"' and '#'.", error.Message);
    }

    [Fact]
    public void Data_commands_read_the_csv_dialect_while_other_keys_have_problems()
    {
        const string Yaml = "model:\n  name: m\n  task: binar\n  lable: y\n  data:\n    train: trips/\n    tset: x\n    csv: { separator: ';', header: false, columns: [id, fare] }\n";

        var dialects = MlopsSpecParser.ReadCsvDialects(Yaml);

        Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(Yaml));
        Assert.Equal(new CsvDialect(';', false, dialects.Of("trips/feb.csv")!.Columns), dialects.Of("trips/feb.csv"));
        Assert.Equal(["id", "fare"], dialects.Of("trips/feb.csv")!.Columns);
        Assert.Null(dialects.Of("other/feb.csv"));
    }

    [Fact]
    public void The_encoding_and_the_decimal_mark_of_the_data_files_are_read_from_the_spec()
    {
        var model = MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data:\n    train: a.csv\n    csv: { separator: ';', encoding: latin1, decimal: ',' }\n  label: y\n").RequireModel();

        Assert.Equal((28591, ','), (model.Data.Csv!.TextEncoding!.CodePage, model.Data.Csv.Decimal));
        Assert.Equal((1252, '.'), (MlopsSpecParser.ReadCsvDialects("model:\n  data: { train: a.csv, csv: { encoding: windows-1252 } }\n").Of("a.csv")!.TextEncoding!.CodePage, '.'));
    }

    [Theory]
    [InlineData("encoding: latin-9000", "mlops.yml line 4: 'model.data.csv.encoding' names no encoding this program knows: 'latin-9000'. Use one such as utf-8, utf-16, latin1 (iso-8859-1), iso-8859-15, windows-1252.")]
    [InlineData("decimal: ';'", "mlops.yml line 4: 'model.data.csv.decimal' is '.' or ',', not ';'.")]
    [InlineData("separator: ',', decimal: ','", "mlops.yml line 4: 'model.data.csv.decimal' is ',', so the separator cannot be ',' as well: set separator to ';' (the usual one with a decimal comma), tab or '|'.")]
    public void A_wrong_encoding_or_decimal_mark_is_refused_with_its_line(string keys, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse($"model:\n  name: m\n  task: binary\n  data: {{ train: a.csv, csv: {{ {keys} }} }}\n  label: y\n"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_missing_markers_of_the_data_files_are_read_from_the_spec_and_default_when_not_given()
    {
        var model = MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data:\n    train: a.csv\n    csv: { missing: ['', NA, '-'] }\n  label: y\n").RequireModel();
        var none = MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data:\n    train: a.csv\n    csv: { separator: ';' }\n  label: y\n").RequireModel();

        var missing = model.Data.Csv!.MissingValues;
        Assert.Equal(["NA", "-"], missing.Markers);
        Assert.Equal((true, true, true, false, false), (missing.IsMissing(""), missing.IsMissing(" NA "), missing.IsMissing("-"), missing.IsMissing("None"), missing.IsMissing("?")));
        Assert.Null(none.Data.Csv!.Missing);
        Assert.Same(MissingValues.Default, none.Data.Csv.MissingValues);
        // Undeclared, the list stays out of the canonical JSON, so the hash of every spec written before it is unchanged.
        Assert.DoesNotContain("\"missing\"", System.Text.Encoding.UTF8.GetString(none.ToCanonicalJson()), StringComparison.Ordinal);
        Assert.NotEqual(none.ComputeHash(), MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data:\n    train: a.csv\n    csv: { separator: ';', missing: [''] }\n  label: y\n").RequireModel().ComputeHash());
    }

    [Theory]
    [InlineData("missing: [NA, ' NA']", "mlops.yml line 4: 'model.data.csv.missing' names 'NA' twice.")]
    [InlineData("missing: NA", "mlops.yml line 4: 'model.data.csv.missing' must be a list (e.g. missing: [a, b]), not")]
    public void A_wrong_list_of_missing_markers_is_refused_with_its_line(string keys, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse($"model:\n  name: m\n  task: binary\n  data: {{ train: a.csv, csv: {{ {keys} }} }}\n  label: y\n"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
