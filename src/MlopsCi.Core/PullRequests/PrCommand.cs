namespace MlopsCi.Core.PullRequests;

/// <summary>What <c>mlops pr auto</c> runs for the triggering event.</summary>
public enum PrCommand
{
    /// <summary>Nothing to do for this event.</summary>
    None,

    /// <summary><c>mlops pr sync</c>: branch the data, train, evaluate, report.</summary>
    Sync,

    /// <summary><c>mlops pr merge</c>: merge the data branch and promote the model.</summary>
    Merge,

    /// <summary><c>mlops pr close</c>: delete the data branch of a pull request closed unmerged.</summary>
    Close,
}
