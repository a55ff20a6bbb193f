namespace MlopsCi.Core.Specs;

/// <summary>What a model predicts.</summary>
public enum ModelTask
{
    /// <summary>Two classes (label true/false, 1/0, or two distinct values).</summary>
    Binary,

    /// <summary>Three or more classes.</summary>
    Multiclass,

    /// <summary>A number.</summary>
    Regression,
}
