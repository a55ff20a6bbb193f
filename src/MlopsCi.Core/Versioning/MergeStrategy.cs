namespace MlopsCi.Core.Versioning;

/// <summary>What a merge does with paths changed on both sides.</summary>
public enum MergeStrategy
{
    /// <summary>Refuse the merge and list the conflicting paths.</summary>
    Fail,

    /// <summary>Take the source's version.</summary>
    SourceWins,

    /// <summary>Keep the destination's version.</summary>
    DestWins,
}
