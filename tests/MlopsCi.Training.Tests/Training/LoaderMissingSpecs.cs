using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Training;
using MlopsCi.MLNet.Data;
using MlopsCi.MLNet.Modeling;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// A blank numeric cell is a missing value for the model (NaN, which trees route as missing and the linear trainers'
/// mean replacement fills), not 0: ML.NET's loader reads a blank as 0 unless told otherwise. A marker that is not a
/// number (NA, -) reads as NaN either way, so the copy ML.NET reads keeps the file's text.
/// </summary>
public sealed class LoaderMissingSpecs
{
    [Theory]
    [InlineData("missing: ['', NA, '-']", "NA", "-", false)]
    [InlineData("missing: ['', NA, '-999']", "NA", "-999", true)]
    public async Task The_model_s_loader_reads_a_blank_or_a_marker_in_a_numeric_column_as_NaN_and_numbers_as_they_are(string markers, string word, string other, bool copied)
    {
        using var temp = new TempFolder();
        var file = temp.Write("d.csv", $"x,y\n1.5,1\n,2\n{word},3\n{other},4\n0,5\n4,6\n");
        var spec = TempRepository.Model($"model: {{ name: m, task: regression, data: {{ train: d.csv, csv: {{ {markers} }} }}, label: y }}");
        var profile = await DataPreparer.InspectAsync(spec, new DataFile(file, "d.csv"), temp.Combine("work"), "train", "y", CancellationToken.None);
        var bundle = new ModelBundle(1, spec.Task, spec.Label, [], ColumnPlanner.Plan(spec, profile), spec.Trainer);
        var x = bundle.Columns.Single(c => c.Name == "x");

        var values = LoaderFactory.Create(new MLContext(1), profile, bundle).Load(profile.LocalPath).GetColumn<float>(x.Internal).ToArray();

        // Only a marker that is a number needs the copy (ML.NET would read -999 as -999); otherwise the file is read as it is.
        Assert.Equal(copied, profile.LocalPath != file);
        Assert.Equal(ColumnKind.Numeric, x.Kind);
        Assert.Equal(3, profile.Missing[0]);
        Assert.Equal(6, values.Length);
        Assert.Equal((1.5f, 0f, 4f), (values[0], values[4], values[5]));
        Assert.True(values[1..4].All(float.IsNaN), string.Join(", ", values));
    }
}
