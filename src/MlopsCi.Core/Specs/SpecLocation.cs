namespace MlopsCi.Core.Specs;

/// <summary>Where a spec value was written: file name and 1-based line, so errors can point at it.</summary>
public sealed record SpecLocation(string File, int Line)
{
    /// <summary>A location for specs built in code (no file).</summary>
    public static SpecLocation None { get; } = new("mlops.yml", 0);

    /// <summary>"mlops.yml line 7" (or just the file name when the line is unknown).</summary>
    public override string ToString() => Line > 0 ? $"{File} line {Line}" : File;
}
