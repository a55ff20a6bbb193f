using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>The gates that decide a pull request are the destination's: the base branch's mlops.yml, or the spec recorded with the champion's promotion.</summary>
[Trait("Speed", "Slow")]
public sealed class DestinationGateSpecs
{
    [Fact]
    public async Task A_pull_request_that_loosens_its_gate_is_still_judged_by_the_base_branch_gate()
    {
        await using var s = await StartAsync("  - { metric: auc, max-regression: 5% }");
        var baseSpec = s.ReadCheckout("mlops.yml");
        s.GitHub.Store.AddFile(WebhookPayloads.Repository, WebhookPayloads.BaseSha, "mlops.yml", baseSpec);
        // The pull request drops the informative features (a much worse model) and loosens the gate to let it through.
        s.WriteCheckout("mlops.yml", baseSpec.Replace("max-regression: 5%", "max-regression: 60%", StringComparison.Ordinal)
            .Replace("  categorical: [plan]", "  features: [plan]\n  categorical: [plan]", StringComparison.Ordinal));
        s.OpenPullRequest(1, Sha1);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));
        var merge = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha1), "merge");

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Equal("failure", s.Statuses()[^1].State);
        Assert.StartsWith("Gate failed: auc got worse", s.Statuses()[^1].Description, StringComparison.Ordinal);
        var comment = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("The deciding gates are the destination's: mlops.yml of main at 9c48853fa3dc.", comment, StringComparison.Ordinal);
        Assert.Contains("#### 📝 Spec changes — judged by the destination's spec until merged", comment, StringComparison.Ordinal);
        Assert.Contains("- gate `auc`: max-regression 5% → max-regression 60%", comment, StringComparison.Ordinal);
        Assert.Contains("- features: (none) → plan", comment, StringComparison.Ordinal);
        Assert.Contains("| `auc` max-regression 60% | ✅ |", comment, StringComparison.Ordinal);
        Assert.True(merge.ExitCode == 1, merge.ToString());
        Assert.Contains("🚫 **Not merged** — a gate fails", comment.Length > 0 ? Assert.Single(s.Comments(1)).Body : "", StringComparison.Ordinal);
        Assert.Empty(await s.VersionsAsync());
    }

    [Fact]
    public async Task After_a_merge_the_spec_recorded_with_the_promotion_decides_the_next_pull_request()
    {
        await using var s = await StartAsync("  - { metric: auc, max-regression: 50% }");
        s.OpenPullRequest(1, Sha1);
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));
        var merged = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha1), "merge");
        // The next pull request is judged by what was merged (50%), whatever its checkout (1%) and the base file say.
        s.WriteCheckout("mlops.yml", s.ReadCheckout("mlops.yml").Replace("max-regression: 50%", "max-regression: 1%", StringComparison.Ordinal));
        s.GitHub.Store.AddFile(WebhookPayloads.Repository, WebhookPayloads.BaseSha, "mlops.yml", "not: [read");
        s.OpenPullRequest(2, Sha2);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 2, Sha2), "sync");

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.True(merged.Out.Contains("recorded the spec of churn:1's promotion", StringComparison.Ordinal), merged.ToString());
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var comment = Assert.Single(s.Comments(2)).Body;
        Assert.Contains("The deciding gates are the destination's: the spec recorded when churn:1 was promoted", comment, StringComparison.Ordinal);
        Assert.Contains("- gate `auc`: max-regression 50% → max-regression 1%", comment, StringComparison.Ordinal);
        Assert.Contains("| `auc` max-regression 50% | ✅ |", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_that_predicts_another_label_is_compared_with_its_own_spec_on_main_not_with_the_champion()
    {
        // Seen: a pull request changing model.label stopped sync with exit 2, no report and "The two models were not
        // scored on the same rows (573 and 573 rows, or different labels)": the champion predicts another column.
        await using var s = await StartAsync("  - { metric: auc, max-regression: 50% }");
        s.OpenPullRequest(1, Sha1);
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));
        var merged = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha1), "merge");
        s.WriteCheckout("mlops.yml", PredictingThePlan(s.ReadCheckout("mlops.yml")));
        s.OpenPullRequest(2, Sha2);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 2, Sha2), "sync");

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Contains("the champion churn:1 predicts 'churned' as binary, this pull request's spec 'plan' as multiclass, so the two cannot be compared", sync.ToString(), StringComparison.Ordinal);
        var comment = Assert.Single(s.Comments(2)).Body;
        Assert.Contains("#### 📊 Metrics — candidate vs a model trained on main with this spec (the champion predicts 'churned' as binary), on the same", comment, StringComparison.Ordinal);
        Assert.Contains("- label: churned → plan", comment, StringComparison.Ordinal);
        // The destination's gates still decide: a multiclass model has no AUC, which the report says rather than hides.
        Assert.Contains("| `auc` max-regression 50% | ❌ | auc was not computed for the candidate", comment, StringComparison.Ordinal);
        Assert.Contains("micro-accuracy", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_champion_a_base_spec_that_predicts_another_label_does_not_train_the_baseline()
    {
        await using var s = await StartAsync("  - { metric: auc, max-regression: 50% }");
        var baseSpec = s.ReadCheckout("mlops.yml");
        s.GitHub.Store.AddFile(WebhookPayloads.Repository, WebhookPayloads.BaseSha, "mlops.yml", baseSpec);
        s.WriteCheckout("mlops.yml", PredictingThePlan(baseSpec));
        s.OpenPullRequest(1, Sha1);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Contains("the destination's spec predicts 'churned' as binary, this pull request's spec 'plan' as multiclass, so the two cannot be compared", sync.ToString(), StringComparison.Ordinal);
        var comment = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("candidate vs a model trained on main with this spec (the destination's spec predicts 'churned' as binary)", comment, StringComparison.Ordinal);
        Assert.Contains("| `auc` max-regression 50% | ❌ | auc was not computed for the candidate", comment, StringComparison.Ordinal);
    }

    /// <summary>The churn spec turned to predict the plan (multiclass), with its gate on a multiclass metric.</summary>
    private static string PredictingThePlan(string spec) => spec
        .Replace("task: binary", "task: multiclass", StringComparison.Ordinal)
        .Replace("label: churned", "label: plan", StringComparison.Ordinal)
        .Replace("  categorical: [plan]\n", "", StringComparison.Ordinal)
        .Replace("metric: auc", "metric: micro-accuracy", StringComparison.Ordinal);
}
