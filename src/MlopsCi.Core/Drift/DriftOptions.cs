using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Drift;

/// <summary>
/// What to compare and how: the thresholds (<c>drift:</c> in mlops.yml), the model whose column roles apply (its time
/// column, <c>ignore</c> and <c>text</c> columns are skipped, <c>categorical</c> ones forced categorical, and with a
/// <c>features</c> list only the features and the label are compared), and the file or folder to read: <see cref="Path"/>,
/// else the model's train (and test) files. <see cref="MaxValuesPerColumn"/> bounds memory per numeric column
/// (a seeded reservoir sample beyond it).
/// </summary>
public sealed record DriftOptions(DriftSpec Thresholds, ModelSpec? Model = null, string? Path = null, int MaxValuesPerColumn = 200_000)
{
    /// <summary>Options from a parsed spec (its drift thresholds and model), reading <paramref name="path"/> when given.</summary>
    public static DriftOptions From(MlopsSpec? spec, string? path = null) => new(spec?.Drift ?? DriftSpec.Default, spec?.Model, path);

    /// <summary>The repository paths (files, or folders of CSV/TSV files) to read on each side.</summary>
    public IReadOnlyList<string> Paths =>
        Path is not null ? [Path]
        : Model is not null ? Model.Data.Paths
        : throw new Errors.InvalidInputException("Say which data to compare: --path <file or folder>, or a spec whose model.data.train names the training file.");

    /// <summary>The kind the model's spec fixes for a column (and why it is skipped), or null to infer it.</summary>
    internal (ColumnKind Kind, string? Reason)? RoleOf(string column)
    {
        if (Model is not { } model)
            return null;
        if (model.TimeColumn == column)
            return (ColumnKind.Skipped, "time column (model.time-column): it moves with every new period");
        if (model.Ignore.Contains(column, StringComparer.Ordinal))
            return (ColumnKind.Skipped, "ignored (model.ignore)");
        if (model.Text.Contains(column, StringComparer.Ordinal))
            return (ColumnKind.Skipped, "free text (model.text)");
        if (column == model.Label)
            return model.Task == ModelTask.Regression ? null : (ColumnKind.Categorical, null);
        if (model.Features.Count > 0 && !model.Features.Contains(column, StringComparer.Ordinal))
            return (ColumnKind.Skipped, "not a model input (model.features)");
        return model.Categorical.Contains(column, StringComparer.Ordinal) ? (ColumnKind.Categorical, null) : null;
    }
}
