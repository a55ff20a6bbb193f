using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>Builds the ML.NET text loader for one file: the model's columns by name (wherever they are in this file) and the raw label.</summary>
internal static class LoaderFactory
{
    public static TextLoader Create(MLContext ml, FileProfile file, ModelBundle bundle)
    {
        var columns = Inputs(file, bundle, c => c.Internal);
        var label = file.IndexOf(bundle.Label);
        if (label < 0)
            throw new InvalidInputException($"{file.DisplayName} has no label column '{bundle.Label}' (columns: {string.Join(", ", file.Header)}); evaluation needs labelled rows.");
        columns.Add(new TextLoader.Column(ModelBundle.RawLabel, bundle.Task == ModelTask.Regression ? DataKind.Single : DataKind.String, label));
        return Loader(ml, file, columns);
    }

    /// <summary>The model's input columns under their own names (as an exported model reads them), no label: rows need not have one.</summary>
    public static TextLoader CreateNamed(MLContext ml, FileProfile file, ModelBundle bundle) => Loader(ml, file, Inputs(file, bundle, c => c.Name));

    private static List<TextLoader.Column> Inputs(FileProfile file, ModelBundle bundle, Func<PlannedColumn, string> name)
    {
        var columns = new List<TextLoader.Column>();
        foreach (var column in bundle.Columns)
        {
            var index = file.IndexOf(column.Name);
            if (index < 0)
                throw new InvalidInputException($"{file.DisplayName} has no column '{column.Name}', which the model uses (columns: {string.Join(", ", file.Header)}).");
            if (column.Kind == ColumnKind.Numeric && !file.Numeric[index] && file.Missing[index] < file.Rows)
                throw new InvalidInputException($"{file.DisplayName}: column '{column.Name}' was numeric when the model was trained, but here it holds non-numeric values.");
            columns.Add(new TextLoader.Column(name(column), column.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String, index));
        }

        return columns;
    }

    private static TextLoader Loader(MLContext ml, FileProfile file, List<TextLoader.Column> columns) => ml.Data.CreateTextLoader(new TextLoader.Options
    {
        Columns = [.. columns],
        Separators = [file.Format.Separator],
        HasHeader = file.Format.HeaderLine,
        AllowQuoting = file.Format.Quoted,
        TrimWhitespace = true,
        // A blank numeric cell is a missing value (NaN), not 0: ML.NET's default reads it as 0, which trees then split on
        // as a real value and the mean replacement of linear trainers never sees.
        MissingRealsAsNaNs = true,
    });
}
