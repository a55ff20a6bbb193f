using MlopsCi.Core.Drift;

namespace MlopsCi.Drift.Tests;

public sealed class ColumnKindInferenceSpecs
{
    [Fact]
    public void Numbers_are_numeric_whatever_their_notation() =>
        Assert.Equal(ColumnKind.Numeric, ColumnKindInference.Infer(["1.5", "-2", "3e4", " 7 ", "0.25"]).Kind);

    [Fact]
    public void Missing_values_do_not_make_a_numeric_column_categorical() =>
        Assert.Equal(ColumnKind.Numeric, ColumnKindInference.Infer(["1.5", "", "NA", "4", "null", "9", "NaN"]).Kind);

    [Fact]
    public void A_numeric_flag_with_two_values_is_categorical() =>
        Assert.Equal(ColumnKind.Categorical, ColumnKindInference.Infer(["0", "1", "1", "0", "1"]).Kind);

    [Fact]
    public void Words_are_categorical() =>
        Assert.Equal(ColumnKind.Categorical, ColumnKindInference.Infer(["sun", "rain", "fog", "rain", "12"]).Kind);

    [Fact]
    public void Dates_are_skipped_because_they_move_with_every_period()
    {
        var (kind, reason) = ColumnKindInference.Infer(["2012-01-01", "2012-01-02", "2013-06-30T12:00:00Z"]);

        Assert.Equal(ColumnKind.Skipped, kind);
        Assert.Contains("date/time", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mostly_distinct_text_is_skipped_as_an_identifier()
    {
        var (kind, reason) = ColumnKindInference.Infer(Enumerable.Range(0, 500).Select(i => $"user-{i}"));

        Assert.Equal(ColumnKind.Skipped, kind);
        Assert.Contains("identifier", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_whole_numbers_are_skipped_as_row_ids()
    {
        var (kind, reason) = ColumnKindInference.Infer(Enumerable.Range(1000, 500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(ColumnKind.Skipped, kind);
        Assert.Contains("identifier", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_decimals_are_numeric_measurements() =>
        Assert.Equal(ColumnKind.Numeric, ColumnKindInference.Infer(Enumerable.Range(0, 500).Select(i => (i * 0.37).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))).Kind);

    [Fact]
    public void Many_repeated_categories_are_still_categorical() =>
        Assert.Equal(ColumnKind.Categorical, ColumnKindInference.Infer(Enumerable.Range(0, 1000).Select(i => $"airport-{i % 300}")).Kind);

    [Fact]
    public void Declared_missing_markers_replace_the_defaults_so_None_can_be_a_category_and_a_dash_a_gap()
    {
        var declared = MlopsCi.Core.Specs.MissingValues.Of(["", "-"]);

        Assert.Equal(ColumnKind.Skipped, ColumnKindInference.Infer(["None", "None", "NA"]).Kind);
        Assert.Equal(ColumnKind.Categorical, ColumnKindInference.Infer(["None", "None", "NA"], declared).Kind);
        Assert.Equal(ColumnKind.Numeric, ColumnKindInference.Infer(["1.5", "-", "4", "-", "9"], declared).Kind);
        Assert.Equal(ColumnKind.Numeric, ColumnKindInference.Infer(["1.5", "?", "4", "7"]).Kind);
    }

    [Fact]
    public void A_column_without_values_is_skipped() =>
        Assert.Equal(ColumnKind.Skipped, ColumnKindInference.Infer(["", " ", "NA"]).Kind);
}
