using MlopsCi.Config.Specs;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.Training.Tests.Config;

public sealed class MlopsSpecParserSpecs
{
    private const string Full = """
        store: s3://bucket/prefix
        data:
          path: data/
          prefix: flights
          prepare: python prepare.py
        model:
          name: flight-delay
          task: regression
          data:
            train: flights/train.csv
            test: flights/test.csv
          label: delay
          features: []
          categorical: [origin, destination]
          text: []
          ignore: [date]
          trainer: LightGbm
          params: { numberOfLeaves: 31, learning-rate: 0.1 }
          seed: 7
          time-column: date
        gates:
          - { metric: rmse, max-regression: 2% }
          - { metric: r2, min: 0.8 }
          - metric: mae
            max-regression: 0.5
        drift:
          psi-threshold: 0.25
          top: 3
        monitor:
          max-degradation: 15%
        """;

    [Fact]
    public void A_full_spec_is_read_with_every_value_and_its_line()
    {
        var spec = MlopsSpecParser.Parse(Full);

        Assert.Equal("s3://bucket/prefix", spec.Store);
        Assert.Equal(new DataSpec("data/", "flights", "python prepare.py") { Location = new SpecLocation("mlops.yml", 2) }, spec.Data);
        var model = spec.RequireModel();
        Assert.Equal(("flight-delay", ModelTask.Regression, "delay", "lightgbm", 7, "date"), (model.Name, model.Task, model.Label, model.Trainer, model.Seed, model.TimeColumn));
        Assert.Equal(new ModelDataSpec("flights/train.csv", "flights/test.csv", null), model.Data);
        Assert.Equal(["origin", "destination"], model.Categorical);
        Assert.Equal(["date"], model.Ignore);
        Assert.Equal("31", model.Params["numberOfLeaves"]);
        Assert.Equal("0.1", model.Params["learning-rate"]);
        Assert.Equal(12, model.At("label").Line);
        Assert.Equal(18, model.At("params.numberOfLeaves").Line);
        Assert.Equal(3, spec.Gates.Count);
        Assert.Equal(new Limit(0.02, true), spec.Gates[0].MaxRegression);
        Assert.Equal(0.8, spec.Gates[1].Min);
        Assert.Equal(new Limit(0.5, false), spec.Gates[2].MaxRegression);
        Assert.Equal(22, spec.Gates[0].Location.Line);
        Assert.Equal(new DriftSpec(0.25, 0.05, 0.05, 3), spec.Drift);
        Assert.Equal(new Limit(0.15, true), spec.Monitor.MaxDegradation);
    }

    [Fact]
    public void Defaults_fill_what_the_spec_leaves_out()
    {
        var spec = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y }\n");

        var model = spec.RequireModel();
        Assert.Equal(("lightgbm", 1, 0.2), (model.Trainer, model.Seed, model.Data.HoldoutFraction));
        Assert.Equal(DriftSpec.Default, spec.Drift);
        Assert.Equal(new Limit(0.10, true), spec.Monitor.MaxDegradation);
        Assert.Empty(spec.Gates);
    }

    [Fact]
    public void Slice_columns_are_read_and_leave_the_spec_hash_alone_when_absent()
    {
        var plain = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y }\n").RequireModel();
        var sliced = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y, slices: [origin, carrier] }\n").RequireModel();

        Assert.Null(plain.Slices);
        Assert.Equal(["origin", "carrier"], sliced.Slices);
        Assert.DoesNotContain("slices", System.Text.Encoding.UTF8.GetString(plain.ToCanonicalJson()), StringComparison.Ordinal);
        Assert.NotEqual(plain.ComputeHash(), sliced.ComputeHash());
    }

    [Fact]
    public void A_slice_column_named_twice_is_refused_with_its_line()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data: { train: a.csv }\n  label: y\n  slices: [origin, origin]\n"));

        Assert.Equal("mlops.yml line 6: 'model.slices' names a column twice (origin); list each slice column once.", error.Message);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_line_and_the_key_it_probably_meant()
    {
        var yaml = "model:\n  name: m\n  task: binary\n  data:\n    train: a.csv\n  seed: 1\n  lable: y\n";

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(yaml));

        Assert.Equal("mlops.yml line 7: unknown key 'lable' under 'model' (did you mean 'label'?).", error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("hooks:\n  - { id: a, type: not-null }\n", "mlops.yml line 2: unknown top-level key 'hooks': data-quality hooks are rules kept in the data repository, not in mlops.yml; commit them as _mlops/hooks.yml (see docs/hooks.md).")]
    [InlineData("trainer: fasttree\n", "mlops.yml line 2: unknown top-level key 'trainer': 'trainer' belongs under 'model:' (indent it below 'model:').")]
    public void A_top_level_key_that_belongs_elsewhere_says_where(string yaml, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a }, label: y }\n" + yaml));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_names_the_known_ones_when_nothing_is_close()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a }, label: y }\nwhatever: 1\n"));

        Assert.StartsWith("mlops.yml line 2: unknown top-level key 'whatever' (known keys: store, data, model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_refused_with_line_and_column()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n   task: binary\n"));

        Assert.Matches(@"^mlops\.yml line 3, column \d+: invalid YAML", error.Message);
    }

    [Theory]
    [InlineData("  seed: one\n", "mlops.yml line 6: 'model.seed' must be a whole number, not 'one'.")]
    [InlineData("  features: x\n", "mlops.yml line 6: 'model.features' must be a list (e.g. features: [a, b]), not the value 'x'.")]
    [InlineData("  trainer: [a, b]\n", "mlops.yml line 6: 'model.trainer' must be a single value, not a list.")]
    public void A_value_of_the_wrong_type_is_refused_with_its_line(string line, string message)
    {
        var yaml = "model:\n  name: m\n  task: binary\n  data: { train: a.csv }\n  label: y\n" + line;

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(yaml));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("  task: ranking\n  data: { train: a.csv }\n", "mlops.yml line 3: unknown task 'ranking'; use binary, multiclass or regression.")]
    [InlineData("  task: binary\n  data: { train: a.csv, split: 1.5 }\n", "mlops.yml line 4: 'model.data.split' is the fraction of rows held out for testing, between 0 and 1 (e.g. 0.2), not 1.5.")]
    [InlineData("  task: binary\n  data: { train: a.csv, test: b.csv, split: 0.2 }\n", "mlops.yml line 4: 'model.data' has both 'test' and 'split'; keep one.")]
    public void An_invalid_value_is_refused_with_its_line(string lines, string message)
    {
        var yaml = "model:\n  name: m\n" + lines + "  label: y\n";

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(yaml));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_gate_on_a_metric_the_task_does_not_have_is_refused_with_its_line()
    {
        var yaml = "model: { name: m, task: regression, data: { train: a.csv }, label: y }\ngates:\n  - { metric: auc, min: 0.8 }\n";

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(yaml));

        Assert.Equal("mlops.yml line 3: unknown metric 'auc' for a regression model; use one of rmse, mae, r2.", error.Message);
    }

    [Fact]
    public void A_gate_with_a_bad_limit_is_refused()
    {
        var yaml = "model: { name: m, task: regression, data: { train: a.csv }, label: y }\ngates:\n  - { metric: rmse, max-regression: lots }\n";

        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse(yaml));

        Assert.Contains("line 3: 'max-regression' must be a percentage like 2%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_says_what_it_needs()
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("# nothing\n"));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_hash_ignores_lines_but_not_values()
    {
        var a = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y, params: { b: 1, a: 2 } }\n").RequireModel();
        var b = MlopsSpecParser.Parse("\n\nmodel:\n  name: m\n  task: binary\n  data: { train: a.csv }\n  label: y\n  params: { a: 2, b: 1 }\n").RequireModel();
        var c = a with { Seed = 2 };

        Assert.Equal(a.ComputeHash(), b.ComputeHash());
        Assert.NotEqual(a.ComputeHash(), c.ComputeHash());
    }

    [Fact]
    public void Key_columns_are_read_named_once_and_leave_the_hash_of_a_spec_without_them_unchanged()
    {
        var plain = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y }\n").RequireModel();
        var keyed = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv }, label: y, key: [id, day] }\n").RequireModel();
        var twice = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse("model:\n  name: m\n  task: binary\n  data: { train: a.csv }\n  label: y\n  key: [id, id]\n"));

        Assert.Null(plain.Key);
        Assert.Equal(["id", "day"], keyed.Key);
        Assert.DoesNotContain("\"key\"", System.Text.Encoding.UTF8.GetString(plain.ToCanonicalJson()), StringComparison.Ordinal);
        Assert.NotEqual(plain.ComputeHash(), keyed.ComputeHash());
        Assert.Equal("mlops.yml line 6: 'model.key' names a column twice (id); list each key column once.", twice.Message);
    }

    [Fact]
    public void A_csv_dialect_is_read_with_its_separator_header_and_columns()
    {
        var spec = MlopsSpecParser.Parse("model: { name: m, task: binary, data: { train: a.csv, csv: { separator: ';', header: false, columns: [age, label] } }, label: label }");

        var csv = spec.RequireModel().Data.Csv!;

        Assert.Equal((';', false), (csv.Separator!.Value, csv.Header));
        Assert.Equal(["age", "label"], csv.Columns);
    }

    [Theory]
    [InlineData("{ separator: ';;' }", "mlops.yml line 4: 'model.data.csv.separator' is one character such as ',', ';', '|' or \"\\t\" (tab), not ';;'.")]
    [InlineData("{ header: false }", "mlops.yml line 4: a file without a header needs its column names: add 'columns: [name, …]' to model.data.csv, in file order.")]
    [InlineData("{ header: maybe }", "mlops.yml line 4: 'model.data.csv.header' is true or false, not 'maybe'.")]
    [InlineData("{ colums: [a] }", "mlops.yml line 4: unknown key 'colums' under 'model.data.csv' (did you mean 'columns'?).")]
    public void A_bad_csv_dialect_names_its_line(string csv, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => MlopsSpecParser.Parse($"model:\n  name: m\n  task: binary\n  data: {{ train: a.csv, csv: {csv} }}\n  label: label\n"));

        Assert.Equal(message, error.Message);
    }
}
