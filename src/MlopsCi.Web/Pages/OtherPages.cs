using System.Globalization;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The home page, hook runs, pull requests and the API index.</summary>
internal static class OtherPages
{
    public static Html Home(RefsView refs, int runs, int models, int pulls)
    {
        var h = new Html().Heading("mlops").Para("A read-only view of the store: data versions, training runs, models and their monitoring, hook runs and pull requests.");
        h.Raw("<ul><li>").Link("/data", $"Data: {refs.Branches.Count} branches, {refs.Tags.Count} tags").Raw("</li><li>")
            .Link("/runs", $"Runs: {runs}").Raw("</li><li>").Link("/models", $"Models: {models}").Raw("</li><li>")
            .Link("/hooks", "Hook runs").Raw("</li><li>").Link("/pulls", $"Pull requests: {pulls}").Raw("</li><li>").Link("/api", "JSON API and its OpenAPI document").Raw("</li></ul>");
        return h;
    }

    public static Html Hooks(IReadOnlyList<HookBranchView> branches)
    {
        var h = new Html().Heading("Hook runs");
        if (branches.Count == 0)
            return h.Para("No hook runs recorded: hooks run on commits and merges once _mlops/hooks.yml exists on the branch.", "muted");
        foreach (var branch in branches)
        {
            h.Heading(branch.Branch, 2).Raw("<table class=\"hooks\">").HeaderRow("Time", "Event", "Changed paths", "Result", "Hook", "Findings").Raw("<tbody>");
            foreach (var run in branch.Runs)
            {
                foreach (var result in run.Results)
                {
                    var findings = result.Passed ? $"passed ({result.FilesChecked:N0} files, {result.RowsChecked:N0} rows)" : string.Join(" · ", result.Findings.Select(f => f.Message));
                    h.Raw("<tr>").Cell(Html.Time(run.Time)).Cell(run.Event.ToString()).Cell(run.Changes.ToString("N0", CultureInfo.InvariantCulture), null, "num")
                        .Cell(result.Passed ? "passed" : result.Warns ? "warned" : "failed", null, result.Passed ? "better" : result.Warns ? null : "worse").Cell($"{result.HookId} ({result.Type})").Cell(findings).Raw("</tr>\n");
                }

                if (run.Results.Count == 0)
                    h.Raw("<tr>").Cell(Html.Time(run.Time)).Cell(run.Event.ToString()).Cell(run.Changes.ToString("N0", CultureInfo.InvariantCulture), null, "num").Cell("no hooks").Cell("").Cell("").Raw("</tr>\n");
            }

            h.Raw("</tbody></table>");
        }

        return h;
    }

    public static Html Pulls(IReadOnlyList<PullView> pulls)
    {
        var h = new Html().Heading("Pull requests");
        if (pulls.Count == 0)
            return h.Para("No pull requests recorded: 'mlops pr sync' records one.", "muted");
        h.Raw("<table class=\"sortable\" id=\"pulls\">").HeaderRow("Pull request", "Model", "State", "Outcome", "Verdict", "Head", "Data commit", "Candidate run", "Updated").Raw("<tbody>");
        foreach (var p in pulls)
        {
            var title = "#" + p.Number.ToString(CultureInfo.InvariantCulture);
            (p.Url is null ? h.Raw("<tr>").Cell(title) : h.Raw("<tr>").LinkCell(p.Url, title)).Cell(p.Model).Cell(p.State).Cell(p.Outcome).Cell(p.Verdict ?? p.Detail)
                .Cell(Html.Short(p.HeadSha), null, "mono");
            if (p.DataCommit is { } commit)
                h.Raw("<td class=\"mono\">").Link($"/data/commit/{Html.Url(commit)}", Html.Short(commit)).Raw("</td>");
            else
                h.Cell("");
            (p.CandidateRun is { } run ? h.LinkCell($"/runs/{Html.Url(run)}", run) : h.Cell("")).Cell(Html.Time(p.UpdatedAt)).Raw("</tr>\n");
        }

        return h.Raw("</tbody></table>");
    }

    public static Html Api(IReadOnlyList<(string Path, string Summary)> routes)
    {
        var h = new Html().Heading("JSON API").Raw("<p>Every page's data as JSON; the OpenAPI document is ").Link("/api/openapi.json", "/api/openapi.json").Raw(".</p>");
        h.Raw("<table>").HeaderRow("GET", "Returns").Raw("<tbody>");
        foreach (var (path, summary) in routes)
            h.Raw("<tr>").Cell(path, null, "mono").Cell(summary).Raw("</tr>");
        return h.Raw("</tbody></table>");
    }
}
