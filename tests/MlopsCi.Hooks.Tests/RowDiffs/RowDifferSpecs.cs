using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MlopsCi.Config.Hooks;
using MlopsCi.Core.Errors;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Tests;
using MlopsCi.Testing;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Hooks.Tests.RowDiffs;

/// <summary>
/// The keyed row diff on real data (vega-datasets seattle-weather keyed by date, flights keyed by date, origin and
/// destination), checked against a plain dictionary diff computed here, independently of the differ.
/// </summary>
public sealed class RowDifferSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_keyed_diff_of_seattle_weather_counts_added_removed_and_modified_rows_and_changed_cells()
    {
        var lines = await File.ReadAllLinesAsync(TestData.PackageFile("seattle-weather.csv"));
        var header = lines[0];
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var edited = new List<string[]>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i is >= 100 and < 110)
                continue; // ten days removed
            var row = (string[])rows[i].Clone();
            if (i % 50 == 7)
                row[2] = (double.Parse(row[2], CultureInfo.InvariantCulture) + 1.5).ToString(CultureInfo.InvariantCulture);
            if (i % 97 == 3)
                row[5] = row[5] == "rain" ? "snow" : "rain";
            edited.Add(row);
        }

        for (var d = 1; d <= 5; d++)
            edited.Add([$"2016-01-0{d}", "0.0", "9.0", "3.0", "2.0", "sun"]);
        var before = _temp.Write("before.csv", string.Join('\n', lines) + "\n");
        var after = _temp.Write("after.csv", header + "\n" + string.Join('\n', edited.Select(r => string.Join(',', r))) + "\n");

        var diff = await RowDiffer.CompareAsync(Input(before), Input(after), new RowDiffOptions { Key = ["date"] }, default);

        var expected = ExpectedRowDiff.Compute(header.Split(','), rows, edited, [0]);
        Assert.Equal((1461L, 1456L), (diff.RowsBefore, diff.RowsAfter));
        Assert.Equal((expected.Added, expected.Removed, expected.Modified), (diff.RowsAdded, diff.RowsRemoved, diff.RowsModified));
        Assert.Equal((5L, 10L), (diff.RowsAdded, diff.RowsRemoved));
        Assert.True(diff.RowsModified > 40, $"modified {diff.RowsModified}");
        Assert.Equal(expected.Cells.OrderBy(c => c.Key).ToList(), diff.ChangedColumns.ToDictionary(c => c.Column, c => c.Cells).OrderBy(c => c.Key).ToList());
        Assert.Equal("temp_max", diff.ChangedColumns[0].Column);
        var first = diff.Samples.First(s => s.Kind == RowChangeKind.Modified);
        Assert.Equal(["2012-01-04"], first.Key); // data row 4 is index 3: the weather flipped
        Assert.Equal(new CellChange("weather", rows[3][5], edited[3][5]), first.Cells.Single(c => c.Column == "weather"));
        Assert.Equal((0L, 0L), (diff.DuplicatesBefore!.Rows, diff.DuplicatesAfter!.Rows));
        Assert.False(diff.Schema.Changed);
        Assert.Null(diff.Note);
    }

    [Fact]
    public async Task A_composite_key_diff_of_flights_across_parquet_and_gzip_csv_matches_a_dictionary_diff_and_reports_duplicate_keys()
    {
        var flights = FlightRows.Load();
        string[] header = ["date", "delay", "distance", "origin", "destination"];
        var keyCounts = flights.GroupBy(f => (f[0], f[3], f[4])).ToDictionary(g => g.Key, g => g.Count());
        var edited = new List<string[]>();
        for (var i = 0; i < flights.Count; i++)
        {
            var row = (string[])flights[i].Clone();
            if (i % 3000 == 11)
                continue;
            if (i % 100 == 5 && keyCounts[(row[0], row[3], row[4])] == 1)
                row[1] = (int.Parse(row[1], CultureInfo.InvariantCulture) + 10).ToString(CultureInfo.InvariantCulture);
            edited.Add(row);
        }

        edited.Add(["2001/04/01 00:00", "3", "300", "SEA", "PDX"]);
        var before = await WriteParquetAsync(_temp.Combine("flights.parquet"), flights);
        var after = _temp.Combine("flights.csv.gz");
        await using (var gzip = new GZipStream(File.Create(after), CompressionLevel.Fastest))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(string.Join(',', header) + "\n" + string.Join('\n', edited.Select(r => string.Join(',', r))) + "\n"));
        var options = new RowDiffOptions { Key = ["date", "origin", "destination"], Readers = [new ParquetTableReader()] };

        var diff = await RowDiffer.CompareAsync(Input(before), Input(after), options, default);
        var onePartition = await RowDiffer.CompareAsync(Input(before, size: 1), Input(after, size: 1), options, default);

        var expected = ExpectedRowDiff.Compute(header, flights, edited, [0, 3, 4]);
        Assert.Equal((expected.Added, expected.Removed, expected.Modified), (diff.RowsAdded, diff.RowsRemoved, diff.RowsModified));
        Assert.Equal((flights.Count, edited.Count), ((int)diff.RowsBefore, (int)diff.RowsAfter));
        Assert.Equal([new ColumnCellChanges("delay", expected.Modified)], diff.ChangedColumns);
        var duplicates = keyCounts.Values.Sum(c => c - 1);
        Assert.Equal(2, duplicates);
        Assert.Equal(duplicates, diff.DuplicatesBefore!.Rows);
        Assert.Equal(2, diff.DuplicatesBefore.FirstKeys.Count);
        Assert.Equal(diff with { Samples = [] }, onePartition with { Samples = [] }, RecordComparer);
        Assert.Equal(diff.Samples.Select(s => (s.Kind, s.RowBefore, s.RowAfter)), onePartition.Samples.Select(s => (s.Kind, s.RowBefore, s.RowAfter)));
    }

    [Fact]
    public async Task Without_a_key_a_changed_row_is_one_removed_and_one_added_and_the_note_says_a_key_would_show_it()
    {
        var before = _temp.Write("a.csv", "id,v\n1,a\n2,b\n2,b\n3,c\n");
        var after = _temp.Write("b.csv", "v,id\na,1\nB,2\nb,2\nc,3\nd,4\n");

        var diff = await RowDiffer.CompareAsync(Input(before), Input(after), new RowDiffOptions(), default);

        Assert.Equal((2L, 1L, 0L), (diff.RowsAdded, diff.RowsRemoved, diff.RowsModified));
        Assert.Contains("name a key", diff.Note, StringComparison.Ordinal);
        Assert.Null(diff.DuplicatesBefore);
        Assert.Contains(diff.Samples, s => s.Kind == RowChangeKind.Removed && s.RowBefore == 3 && s.Cells.Single(c => c.Column == "v").Before == "b");
    }

    [Fact]
    public async Task The_schema_diff_finds_added_removed_renamed_and_retyped_columns()
    {
        var before = _temp.Write("a.csv", "id,temp,city,code,old\n1,10,Oslo,7,x\n2,11,Rome,8,y\n3,12,Lima,9,z\n");
        var after = _temp.Write("b.csv", "id,temperature,town,code,new\n1,10,Oslo,A7,p\n2,11,Roma,A8,q\n3,12,Lima,A9,r\n");

        var diff = await RowDiffer.CompareAsync(Input(before), Input(after), new RowDiffOptions { Key = ["id"] }, default);

        Assert.Equal([new ColumnRename("temp", "temperature")], diff.Schema.Renamed);
        Assert.Equal(["town", "new"], diff.Schema.Added);
        Assert.Equal(["city", "old"], diff.Schema.Removed);
        Assert.Equal("code", Assert.Single(diff.Schema.TypeChanged).Column);
        Assert.Equal((0L, 0L, 3L), (diff.RowsAdded, diff.RowsRemoved, diff.RowsModified));
        Assert.Equal([new ColumnCellChanges("code", 3)], diff.ChangedColumns); // the renamed column's values are compared and equal
    }

    [Fact]
    public async Task A_key_column_missing_from_a_version_is_bad_input_naming_it()
    {
        var before = _temp.Write("a.csv", "id,v\n1,a\n");
        var after = _temp.Write("b.csv", "ident,v\n1,a\n");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => RowDiffer.CompareAsync(Input(before), Input(after), new RowDiffOptions { Key = ["id"] }, default));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--key", error.Message, StringComparison.Ordinal);
    }

    private static RowDiffInput Input(string path, long? size = null) => new(path, _ => Task.FromResult<Stream>(File.OpenRead(path)), size);

    private static readonly IEqualityComparer<RowDiff> RecordComparer = EqualityComparer<RowDiff>.Create(
        (a, b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b), d => d.RowsAdded.GetHashCode());

    private static async Task<string> WriteParquetAsync(string path, List<string[]> flights)
    {
        var records = flights.Select(f => new Flight { Date = f[0], Delay = int.Parse(f[1], CultureInfo.InvariantCulture), Distance = int.Parse(f[2], CultureInfo.InvariantCulture), Origin = f[3], Destination = f[4] }).ToList();
        await using var file = File.Create(path);
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(records, file);
        return path;
    }

    private sealed class Flight
    {
        [System.Text.Json.Serialization.JsonPropertyName("date")]
        public string Date { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("delay")]
        public int Delay { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("distance")]
        public int Distance { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("origin")]
        public string Origin { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("destination")]
        public string Destination { get; set; } = "";
    }
}
