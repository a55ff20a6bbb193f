using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Versioning;

namespace MlopsCi.PullRequests.Tests;

/// <summary>Fixed reports for the golden files: every section filled with realistic values.</summary>
internal static class ReportSamples
{
    public const string HeadSha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string MainCommit = "3f1c2a9be07d44c1a0b6e5f2d8c3b1a0e9f8d7c6b5a4938271605f4e3d2c1b0a";
    private const string PrCommit = "a41be8f0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6";

    public static PullRequestReport MulticlassBetter() => new(
        "seattle-weather",
        1,
        new ComparisonSection(
            "micro-accuracy",
            [
                new("micro-accuracy", 0.7534, 0.8116, 0.0582, 0.0308, 0.0856, Verdict.Better, true, false),
                new("macro-accuracy", 0.5012, 0.5230, 0.0218, -0.0104, 0.0551, Verdict.NoSignificantChange, true, false),
                new("log-loss", 0.6420, 0.5391, -0.1029, -0.1512, -0.0561, Verdict.Better, false, false),
                new("recall:drizzle", 0.1000, 0.0000, -0.1000, -0.3333, 0.0000, Verdict.NoSignificantChange, true, false),
                new("recall:rain", 0.9512, 0.9634, 0.0122, -0.0122, 0.0366, Verdict.NoSignificantChange, true, false),
                new("recall:sun", 0.6890, 0.8110, 0.1220, 0.0671, 0.1768, Verdict.Better, true, false),
            ],
            [
                new("micro-accuracy", "max-regression 2%", true, "micro-accuracy 0.8116: within 2% of the baseline 0.7534"),
                new("macro-accuracy", "min 0.4", true, "macro-accuracy 0.523: ≥ 0.4"),
            ],
            292,
            1000,
            0.95,
            "champion seattle-weather:1"),
        new DataDiffSection(MainCommit, PrCommit,
        [
            new("weather/seattle-weather.csv", DiffKind.Modified, 35_112, 70_214, new TableDiff(730, 1461, 731, 0, [], [], [])),
            new("weather/stations.csv", DiffKind.Added, null, 412, new TableDiff(0, 12, 12, 0, ["station", "elevation"], [], [])),
            new("weather/README.txt", DiffKind.Deleted, 1_024, null, null),
        ]),
        new ValidationSection("pre-commit",
        [
            new("weather-present", true, "not-null: passed (2 files, 1,473 rows checked)", []),
            new("temperature-range", true, "range: passed (2 files, 1,473 rows checked)", []),
            new("known-weather", true, "allowed-values: passed (2 files, 1,473 rows checked)", []),
        ]),
        new DriftSection("weather/seattle-weather.csv", 0.2,
        [
            new("weather", "categorical", 0.4123, "χ²", 0.00001, true, "largest shift 'sun' 30.1% → 51.2%"),
            new("temp_max", "numeric", 0.0812, "KS", 0.0400, true, "median 15.6 → 17.2"),
            new("temp_min", "numeric", 0.0650, "KS", 0.1200, false),
            new("precipitation", "numeric", 0.0231, "KS", 0.5100, false),
            new("wind", "numeric", 0.0102, "KS", 0.8800, false),
            new("month", "numeric", 0.0011, "KS", 0.9900, false),
        ]),
        [
            new("precipitation", 0.3120, 0.2980),
            new("temp_max", 0.1204, 0.0711),
            new("wind", 0.0412, 0.0455),
            new("temp_min", 0.0090, null),
        ],
        new ReportLineage("main", "pr-1", MainCommit, PrCommit, HeadSha, "20261126-101500-1a2b3c4d", "k-7f3e2d1c0b9a8f7e6d5c4b3a",
            "seattle-weather:1", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d", 1169, "octo-org/weather"),
        ReportOutcome.Pending);

    public static PullRequestReport RegressionGateFailed() => new(
        "flight-delay",
        12,
        new ComparisonSection(
            "r2",
            [
                new("rmse", 21.4031, 23.9120, 2.5089, 1.9011, 3.1022, Verdict.Worse, false, true),
                new("mae", 12.0110, 12.2042, 0.1932, -0.1102, 0.4871, Verdict.NoSignificantChange, false, false),
                new("r2", 0.8210, 0.7702, -0.0508, -0.0701, -0.0322, Verdict.Worse, true, false),
            ],
            [new("rmse", "max-regression 2%", false, "rmse got worse by 2.5089 (21.4031 → 23.912), more than the allowed 2%")],
            20_000,
            1000,
            0.95,
            "a model trained on main with this spec")
        {
            Evaluation = new EvaluationRows(20_000, 0, [new("baseline", "run k-baseline0000000000000000", 0), new("candidate", "run k-candidate000000000000000", 0)], 12),
        },
        new DataDiffSection(MainCommit, PrCommit,
            [new("flights/train.csv", DiffKind.Modified, 52_000_000, 51_000_000, new TableDiff(1_000_000, 990_000, 12_000, 22_000, [], ["taxi_out"], [new("delay", "numeric", "text")]))]),
        null,
        null,
        [new("distance", 0.4021, null), new("origin", 0.1210, null)],
        new ReportLineage("main", "pr-12", MainCommit, PrCommit, HeadSha, "k-baseline0000000000000000", "k-candidate000000000000000", null, null, 80_000, null),
        ReportOutcome.Pending);

    /// <summary>A binary comparison with the error analysis: the tests (DeLong disagreeing with the bootstrap), both confusion matrices and slices.</summary>
    public static PullRequestReport BinaryWithAnalysis() => new(
        "churn",
        21,
        new ComparisonSection(
            "auc",
            [
                new("auc", 0.8712, 0.8831, 0.0119, -0.0004, 0.0243, Verdict.NoSignificantChange, true, false),
                new("accuracy", 0.8120, 0.8240, 0.0120, -0.0080, 0.0320, Verdict.NoSignificantChange, true, false),
                new("f1", 0.6410, 0.6702, 0.0292, -0.0101, 0.0688, Verdict.NoSignificantChange, true, false),
            ],
            [],
            1_000,
            1000,
            0.95,
            "champion churn:3")
        {
            Tests =
            [
                new(SignificanceTests.DeLongName, "auc", 0.8712, 0.8831, 2.013, 0.0441, Verdict.Better, "z = 2.013, p = 0.044 (310 positive, 690 negative rows)") { AgreesWithBootstrap = false },
                new(SignificanceTests.McNemarName, "accuracy", 0.8120, 0.8240, 31, 0.2110, Verdict.NoSignificantChange, "31 rows only the baseline got right, 43 only the candidate, p = 0.211") { AgreesWithBootstrap = true },
            ],
            BaselineConfusion = new ConfusionMatrix(["no", "yes"], [[640, 50], [138, 172]]),
            CandidateConfusion = new ConfusionMatrix(["no", "yes"], [[636, 54], [122, 188]]),
            Slices =
            [
                new("region", "north", 412, new MetricComparison("auc", 0.8801, 0.8493, -0.0308, -0.0561, -0.0052, Verdict.Worse, true), null),
                new("region", "south", 388, new MetricComparison("auc", 0.8655, 0.9010, 0.0355, 0.0102, 0.0611, Verdict.Better, true), null),
                new("plan", "monthly", 702, new MetricComparison("auc", 0.8600, 0.8702, 0.0102, -0.0110, 0.0307, Verdict.NoSignificantChange, true), null),
                new("region", "west", 200, null, "auc is undefined on these rows"),
                new("plan", "yearly", 24, null, "too small (under 30 rows)"),
            ],
        },
        null,
        null,
        null,
        [new("tenure", 0.2011, 0.1830)],
        new ReportLineage("main", "pr-21", MainCommit, PrCommit, HeadSha, "20261201-090000-aaaabbbb", "k-churn0000000000000000000", "churn:3", null, 4_000, "octo-org/churn"),
        ReportOutcome.Pending);

    /// <summary>A multiclass comparison with <paramref name="classes"/> classes, <paramref name="slices"/> slice values and 2,000 changed files.</summary>
    public static PullRequestReport ManyClassesAndSlices(int classes, int slices)
    {
        var names = Enumerable.Range(0, classes).Select(i => $"class-{i:D3}-with-a-long-name").ToList();
        int[][] Matrix(int shift) => [.. Enumerable.Range(0, classes).Select(a => Enumerable.Range(0, classes).Select(p => a == p ? 50 + shift : (a + p + shift) % 3).ToArray())];
        return ManyFiles(2_000) with
        {
            Comparison = MulticlassBetter().Comparison! with
            {
                BaselineConfusion = new ConfusionMatrix(names, [.. Matrix(0)]),
                CandidateConfusion = new ConfusionMatrix(names, [.. Matrix(1)]),
                Slices = [.. Enumerable.Range(0, slices).Select(i => new SliceComparison("station", $"station-{i:D4}-somewhere-far-away", 100 + i,
                    new MetricComparison("micro-accuracy", 0.7, 0.71, 0.01, -0.02, 0.04, Verdict.NoSignificantChange, true), null))],
            },
        };
    }

    public static PullRequestReport Blocked() => new(
        "churn",
        7,
        null,
        null,
        new ValidationSection("pre-commit",
        [
            new("fare-present", false, "not-null: 1 finding", ["data/trips.csv: column fare_amount is empty in 3 rows (rows 4, 9, 17)"]),
            new("fare-range", true, "range: passed (1 files, 120 rows checked)", []),
        ]),
        null,
        [],
        new ReportLineage("main", "pr-7", null, MainCommit, HeadSha, null, null, null, null, null, "octo-org/churn"),
        new ReportOutcome(OutcomeKind.Blocked, "pre-commit hook `fare-present` failed"));

    public static PullRequestReport Merged() => MulticlassBetter() with
    {
        Outcome = new ReportOutcome(OutcomeKind.Merged, null, null, PrCommit, "seattle-weather:2", "seattle-weather:1", true),
    };

    public static PullRequestReport Conflict() => MulticlassBetter() with
    {
        Outcome = new ReportOutcome(OutcomeKind.Conflict, Conflicts: ["weather/seattle-weather.csv", "weather/stations.csv"]),
    };

    public static PullRequestReport Closed() => MulticlassBetter() with { Outcome = new ReportOutcome(OutcomeKind.Closed) };

    public static PullRequestReport ManyFiles(int count) => MulticlassBetter() with
    {
        DataDiff = new DataDiffSection(MainCommit, PrCommit,
            [.. Enumerable.Range(1, count).Select(i => new FileChange($"weather/stations/station-{i:D5}-with-a-rather-long-descriptive-name.csv", DiffKind.Added, null, 2_048, new TableDiff(0, 40, 40, 0, [], [], [])))]),
    };

    /// <summary>Keyed tables (one by date, one by a composite key with duplicate keys), a rename, an unkeyed table and awkward cell values.</summary>
    public static PullRequestReport KeyedData() => MulticlassBetter() with
    {
        DataDiff = new DataDiffSection(MainCommit, PrCommit,
        [
            new("weather/seattle-weather.csv", DiffKind.Modified, 47_100, 47_012, new TableDiff(1461, 1456, 5, 10, [], [], [])
            {
                Key = ["date"],
                RowsModified = 44,
                ChangedColumns = [new("temp_max", 30), new("weather", 15), new("precipitation", 2)],
                ModifiedSamples =
                [
                    Modified(["2012-01-04"], ("weather", "rain", "snow")),
                    Modified(["2012-01-08"], ("temp_max", "10.6", "12.1")),
                    Modified(["2012-02-27"], ("temp_max", "8.3", "9.8"), ("weather", "sun", "fog")),
                    Modified(["2012-04-16"], ("precipitation", "0.0", null)),
                    Modified(["2012-05-24"], ("weather", "drizzle|rain", "</details> <b>rain</b>")),
                    Modified(["2012-07-01"], ("weather", "sun", "rain")),
                ],
            }),
            new("flights/flights.csv", DiffKind.Modified, 512_000, 511_800, new TableDiff(20_000, 19_994, 1, 7, [], [], [])
            {
                Key = ["date", "origin", "destination"],
                RowsModified = 199,
                ChangedColumns = [new("delay", 199)],
                ColumnsRenamed = [new("dist", "distance")],
                ModifiedSamples = [Modified(["2001/01/01 06:00", "SEA", "PDX"], ("delay", "-3", "7"))],
                DuplicatesAfter = new DuplicateKeys(2, ["2001/01/13 14:56|SMF|LAS", "2001/03/29 20:15|PHX|LAX"]),
            }),
            new("trips/trips.csv", DiffKind.Modified, 9_000, 9_100, new TableDiff(300, 301, 3, 2, [], [], [])),
            new("weather/stations.csv", DiffKind.Added, null, 412, new TableDiff(0, 12, 12, 0, ["station", "elevation"], [], []) { Key = ["station"] }),
        ]),
    };

    /// <summary>Many keyed tables, each with ten modified rows of long values: far more than a comment holds.</summary>
    public static PullRequestReport ManyKeyedFiles(int count) => MulticlassBetter() with
    {
        DataDiff = new DataDiffSection(MainCommit, PrCommit,
            [.. Enumerable.Range(1, count).Select(i => new FileChange($"weather/stations/station-{i:D5}.csv", DiffKind.Modified, 90_000, 90_500, new TableDiff(1000, 1000, 0, 0, [], [], [])
            {
                Key = ["station", "date"],
                RowsModified = 400 + i,
                ChangedColumns = [.. Enumerable.Range(1, 8).Select(c => new ColumnCellChanges($"reading_{c}", 400 + i - c))],
                ModifiedSamples = [.. Enumerable.Range(1, 10).Select(r => Modified([$"station-{i}", $"2024-01-{r:D2}"], [.. Enumerable.Range(1, 8).Select(c => ($"reading_{c}", new string('x', 100), (string?)new string('y', 100)))]))],
            }))]),
    };

    private static RowChange Modified(string[] key, params (string Column, string? Before, string? After)[] cells) =>
        new(RowChangeKind.Modified, key, 1, 1, [.. cells.Select(c => new CellChange(c.Column, c.Before, c.After))]);
}
