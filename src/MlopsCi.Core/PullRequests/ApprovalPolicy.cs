using System.Globalization;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.PullRequests;

/// <summary>
/// Decides whether a pull request is approved at its head commit, following GitHub's review semantics: each reviewer's
/// latest deciding review counts; a COMMENTED review changes nothing; CHANGES_REQUESTED replaces an approval; a
/// DISMISSED review withdraws it; an approval counts only when made on the head commit (stale approvals do not).
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>Evaluates <paramref name="reviews"/> against <paramref name="headSha"/>.</summary>
    /// <exception cref="InvalidInputException">When <paramref name="requiredApprovals"/> is below 1.</exception>
    public static ApprovalResult Evaluate(IEnumerable<PullRequestReview> reviews, string headSha, int requiredApprovals)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentException.ThrowIfNullOrWhiteSpace(headSha);
        if (requiredApprovals < 1)
        {
            throw new InvalidInputException(
                $"Required approvals must be at least 1, got {requiredApprovals.ToString(CultureInfo.InvariantCulture)}; " +
                "set the required-approvals input to 1 or more.");
        }

        var latest = LatestDecidingReviews(reviews);
        var approvers = new List<string>();
        var notes = new List<string>();
        foreach (var (user, review) in latest.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (Is(review, ReviewStates.ChangesRequested))
            {
                notes.Add($"{user} requested changes");
            }
            else if (!string.Equals(review.CommitId, headSha, StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"{user}'s approval is for an older commit ({Short(review.CommitId)})");
            }
            else
            {
                approvers.Add(user);
            }
        }

        var approved = approvers.Count >= requiredApprovals;
        var reason = $"{approvers.Count.ToString(CultureInfo.InvariantCulture)} of " +
            $"{requiredApprovals.ToString(CultureInfo.InvariantCulture)} required approval" +
            $"{(requiredApprovals == 1 ? string.Empty : "s")} at head {Short(headSha)}";
        if (approvers.Count > 0)
        {
            reason += $" (approved by {string.Join(", ", approvers)})";
        }

        if (notes.Count > 0)
        {
            reason += "; " + string.Join("; ", notes);
        }

        return new ApprovalResult(approved, approvers.Count, requiredApprovals, approvers, reason);
    }

    // Replays each reviewer's reviews in submission order; only approvals and change requests survive.
    private static Dictionary<string, PullRequestReview> LatestDecidingReviews(IEnumerable<PullRequestReview> reviews)
    {
        var latest = new Dictionary<string, PullRequestReview>(StringComparer.OrdinalIgnoreCase);
        var ordered = reviews
            .Where(review => !string.IsNullOrEmpty(review.User))
            .OrderBy(review => review.SubmittedAt ?? DateTimeOffset.MinValue)
            .ThenBy(review => review.Id);
        foreach (var review in ordered)
        {
            if (Is(review, ReviewStates.Approved) || Is(review, ReviewStates.ChangesRequested))
            {
                latest[review.User] = review;
            }
            else if (Is(review, ReviewStates.Dismissed))
            {
                latest.Remove(review.User);
            }
        }

        return latest;
    }

    private static bool Is(PullRequestReview review, string state) =>
        string.Equals(review.State, state, StringComparison.OrdinalIgnoreCase);

    private static string Short(string? sha) =>
        string.IsNullOrEmpty(sha) ? "unknown" : sha.Length <= 7 ? sha : sha[..7];
}
