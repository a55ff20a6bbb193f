namespace MlopsCi.Core.Drift;

/// <summary>How a column is compared between two samples.</summary>
public enum ColumnKind
{
    /// <summary>Numbers: PSI over the baseline's deciles and the two-sample Kolmogorov–Smirnov test.</summary>
    Numeric,

    /// <summary>Labels: PSI over the categories and the chi-squared test of homogeneity.</summary>
    Categorical,

    /// <summary>Not compared (time column, identifier or free text, ignored by the spec, no values); the reason says which.</summary>
    Skipped,
}
