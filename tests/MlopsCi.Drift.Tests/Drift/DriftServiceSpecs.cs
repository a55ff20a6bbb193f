using System.Globalization;
using System.Text;
using System.Text.Json;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Versioning;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Drift.Tests.Drift;

public sealed class DriftServiceSpecs
{
    [Fact]
    public async Task A_shifted_number_and_a_changed_category_mix_drift_while_stable_columns_do_not()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(seed: 1, shift: 0, cityMix: [50, 30, 20]) }, "before");
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(seed: 2, shift: 5, cityMix: [30, 30, 40]) });

        var report = await new DriftService(repo.Repository).CompareAsync("before", "main", new DriftOptions(DriftSpec.Default, Path: "data.csv"), default);

        Assert.Equal(["temp", "city"], report.Drifted.Select(c => c.Name).Order(StringComparer.Ordinal).Reverse());
        var temp = Column(report, "temp");
        Assert.Equal((ColumnKind.Numeric, "ks"), (temp.Kind, temp.Test));
        Assert.True(temp.PValue < 1e-10 && temp.Psi > 0.2, temp.Reason);
        var city = Column(report, "city");
        Assert.Equal((ColumnKind.Categorical, "chi2", 2), (city.Kind, city.Test, city.DegreesOfFreedom));
        Assert.Contains("largest shift 'a' 50% → 30%", city.Reason, StringComparison.Ordinal);
        Assert.False(Column(report, "wind").Drifted, Column(report, "wind").Reason);
        Assert.Equal(ColumnKind.Categorical, Column(report, "flag").Kind);
        Assert.Equal((ColumnKind.Skipped, false), (Column(report, "day").Kind, Column(report, "day").Drifted));
        Assert.Contains("identifier", Column(report, "id").Reason, StringComparison.Ordinal);
        Assert.Equal(["id", "day"], report.Columns.TakeLast(2).Select(c => c.Name).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal((600, 600), (report.BaselineRows, report.CurrentRows));
    }

    [Fact]
    public async Task The_report_lists_the_top_columns_by_severity_as_the_spec_asks()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(1, 0, [50, 30, 20]) }, "before");
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(2, 5, [30, 30, 40]) });

        var report = await new DriftService(repo.Repository).CompareAsync("before", "main", new DriftOptions(DriftSpec.Default with { Top = 3 }, Path: "data.csv"), default);

        Assert.Equal(3, report.Top.Count);
        Assert.True(report.Top[0].Psi >= report.Top[1].Psi);
        Assert.DoesNotContain(report.Top, c => c.Kind == ColumnKind.Skipped);
        Assert.StartsWith("2 of 6 columns drifted", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_specs_time_column_is_skipped_and_its_categorical_columns_are_tested_as_categories()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(1, 0, [50, 30, 20]) }, "before");
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["data.csv"] = Table(1, 0, [50, 30, 20]) + "extra-row,2013-01-01,15,a,3,1\n" });
        var model = new ModelSpec("m", ModelTask.Regression, new ModelDataSpec("data.csv", null, null), "temp", [], ["wind"], [], ["id"], "sdca", new Dictionary<string, string>(), 1, "day");

        var report = await new DriftService(repo.Repository).CompareAsync("before", "main", new DriftOptions(DriftSpec.Default, model), default);

        Assert.Contains("time column", Column(report, "day").Reason, StringComparison.Ordinal);
        Assert.Contains("model.ignore", Column(report, "id").Reason, StringComparison.Ordinal);
        Assert.Equal((ColumnKind.Categorical, "chi2"), (Column(report, "wind").Kind, Column(report, "wind").Test));
        Assert.False(report.HasDrift, report.Summary);
        Assert.Equal(["data.csv"], report.CurrentPaths);
    }

    [Fact]
    public async Task A_folder_of_period_files_is_read_as_one_sample()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/2012.csv"] = Table(1, 0, [50, 30, 20]), ["weather/2013.csv"] = Table(2, 0, [50, 30, 20]) }, "old");
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/2014.tsv"] = Table(3, 5, [50, 30, 20]).Replace(',', '\t') });

        var report = await new DriftService(repo.Repository).CompareAsync("old", "main", new DriftOptions(DriftSpec.Default, Path: "weather/"), default);

        Assert.Equal(["weather/2012.csv", "weather/2013.csv"], report.BaselinePaths);
        Assert.Equal((1200, 600), (report.BaselineRows, report.CurrentRows));
        Assert.Equal(["temp"], report.Drifted.Select(c => c.Name));
    }

    [Fact]
    public async Task Added_and_removed_columns_count_as_drift()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["t.csv"] = "a,b\n1,x\n2,y\n3,x\n" }, "before");
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["t.csv"] = "a,c\n1,5\n2,6\n3,7\n" });

        var report = await new DriftService(repo.Repository).CompareAsync("before", "main", new DriftOptions(DriftSpec.Default, Path: "t.csv"), default);

        Assert.Contains("column removed", Column(report, "b").Reason, StringComparison.Ordinal);
        Assert.Contains("new column", Column(report, "c").Reason, StringComparison.Ordinal);
        Assert.Equal(["b", "c"], report.Drifted.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains(report.Top, c => c.Name == "b");
    }

    [Fact]
    public async Task The_report_serialises_to_json_without_not_a_number_values()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["t.csv"] = "a,b,c\n1,x,\n2,y,\n3,x,\n" }, "before");

        var report = await new DriftService(repo.Repository).CompareAsync("before", "main", new DriftOptions(DriftSpec.Default, Path: "t.csv"), default);
        var json = JsonSerializer.Serialize(report, StoreJson.Options);

        Assert.Contains("\"hasDrift\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"numeric\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_too_many_fields_is_bad_input_naming_the_file_and_line()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["t.csv"] = "a,b\n1,x\n2,y,z\n" });

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new DriftService(repo.Repository).CompareAsync("main", "main", new DriftOptions(DriftSpec.Default, Path: "t.csv"), default));

        Assert.Contains("t.csv at 'main' line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_and_a_missing_path_are_bad_input_saying_what_to_do()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["t.csv"] = "a\n1\n" });
        var service = new DriftService(repo.Repository);

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => service.CompareAsync("main", "main", new DriftOptions(DriftSpec.Default, Path: "nope.csv"), default));
        var unnamed = await Assert.ThrowsAsync<InvalidInputException>(() => service.CompareAsync("main", "main", new DriftOptions(DriftSpec.Default), default));

        Assert.Contains("mlops data ls main", missing.Message, StringComparison.Ordinal);
        Assert.Contains("--path", unnamed.Message, StringComparison.Ordinal);
    }

    private static DriftColumn Column(DriftReport report, string name) => report.Columns.Single(c => c.Name == name);

    /// <summary>600 rows: id, day (dates), temp (uniform 10–20 plus a shift), city (a/b/c in the given mix), wind (uniform 0–10), flag (0/1).</summary>
    private static string Table(int seed, double shift, int[] cityMix)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,day,temp,city,wind,flag\n");
        for (var i = 0; i < 600; i++)
        {
            var slot = i % 100;
            var city = slot < cityMix[0] ? "a" : slot < cityMix[0] + cityMix[1] ? "b" : "c";
            text.Append(CultureInfo.InvariantCulture, $"r-{seed}-{i},{new DateTime(2012, 1, 1).AddDays(i):yyyy-MM-dd},{10 + (10 * random.NextDouble()) + shift:0.###},{city},{10 * random.NextDouble():0.###},{random.Next(2)}\n");
        }

        return text.ToString();
    }
}
