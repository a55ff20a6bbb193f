using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>The metrics of each task, and which way is better.</summary>
public static class MetricNames
{
    /// <summary>Area under the ROC curve (binary).</summary>
    public const string Auc = "auc";

    /// <summary>Area under the precision-recall curve, as average precision (binary).</summary>
    public const string Auprc = "auprc";

    /// <summary>Share of rows predicted right (binary).</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Harmonic mean of precision and recall of the positive class (binary).</summary>
    public const string F1 = "f1";

    /// <summary>Share of predicted positives that are positive (binary).</summary>
    public const string Precision = "precision";

    /// <summary>Share of positives predicted positive (binary).</summary>
    public const string Recall = "recall";

    /// <summary>Mean negative log of the probability given to the true class (binary with probabilities, multiclass).</summary>
    public const string LogLoss = "log-loss";

    /// <summary>Share of rows predicted right (multiclass).</summary>
    public const string MicroAccuracy = "micro-accuracy";

    /// <summary>Mean of the per-class recalls (multiclass).</summary>
    public const string MacroAccuracy = "macro-accuracy";

    /// <summary>Prefix of the per-class recall metrics ("recall:sun").</summary>
    public const string ClassRecallPrefix = "recall:";

    /// <summary>Root mean squared error (regression).</summary>
    public const string Rmse = "rmse";

    /// <summary>Mean absolute error (regression).</summary>
    public const string Mae = "mae";

    /// <summary>Coefficient of determination (regression).</summary>
    public const string R2 = "r2";

    /// <summary>The fixed metrics of a task (multiclass also has one "recall:&lt;class&gt;" per class).</summary>
    public static IReadOnlyList<string> For(ModelTask task) => task switch
    {
        ModelTask.Binary => [Auc, Auprc, Accuracy, F1, Precision, Recall, LogLoss],
        ModelTask.Multiclass => [MicroAccuracy, MacroAccuracy, LogLoss],
        _ => [Rmse, Mae, R2],
    };

    /// <summary>Whether a metric name exists for the task.</summary>
    public static bool IsKnown(ModelTask task, string metric) =>
        For(task).Contains(metric) || (task == ModelTask.Multiclass && metric.StartsWith(ClassRecallPrefix, StringComparison.Ordinal) && metric.Length > ClassRecallPrefix.Length);

    /// <summary>Whether larger values are better.</summary>
    public static bool HigherIsBetter(string metric) => metric is not (LogLoss or Rmse or Mae);

    /// <summary>The metric permutation importance and headlines use for a task.</summary>
    public static string Primary(ModelTask task) => task switch
    {
        ModelTask.Binary => Auc,
        ModelTask.Multiclass => MicroAccuracy,
        _ => R2,
    };
}
