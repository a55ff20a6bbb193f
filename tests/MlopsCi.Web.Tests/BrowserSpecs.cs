using Microsoft.Playwright;

namespace MlopsCi.Web.Tests;

/// <summary>A person clicking through the UI in a real (headless) Chromium, reading what is visible on screen.</summary>
[Collection(UiCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class BrowserSpecs(UiFixture ui)
{
    [Fact]
    public async Task The_diff_page_shows_the_keyed_row_diff_the_report_computes_with_old_and_new_cells()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync(new Uri(ui.Address, "/data/diff?left=main&right=" + Uri.EscapeDataString(UiStoreSeed.FixBranch)).ToString());

        var row = await page.Locator("#changes tbody tr", new() { HasText = "weather/days.csv" }).InnerTextAsync();
        Assert.Contains("~8", row, StringComparison.Ordinal);
        Assert.Contains("temp_max 7, weather 1", row, StringComparison.Ordinal);
        Assert.Contains("date", row, StringComparison.Ordinal);
        Assert.Equal("weather/days.csv (key date): all 8 modified rows", await page.Locator("details.rowdiff summary").InnerTextAsync());
        var modified = page.Locator("details.rowdiff table.modified tbody tr");
        Assert.Equal(8, await modified.CountAsync());
        Assert.Equal(["2012-01-13", "weather", "fog", "snow"], (await modified.Filter(new() { HasText = "2012-01-13" }).InnerTextAsync()).Split('\t', StringSplitOptions.TrimEntries));
        await UiFixture.ScreenshotAsync(page, "ui-row-diff");

        await page.Locator("input[name=key]").FillAsync("station");
        await page.GetByRole(AriaRole.Button, new() { Name = "Diff" }).ClickAsync();
        await page.WaitForURLAsync("**key=station**");
        Assert.Contains("compared as whole records: The key column", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_person_goes_from_the_branch_list_to_a_commit_its_diff_and_a_csv_preview()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync(new Uri(ui.Address, "/data").ToString());
        var branches = page.Locator("#branches");
        Assert.Contains("protected", await branches.InnerTextAsync(), StringComparison.Ordinal);
        await UiFixture.ScreenshotAsync(page, "ui-branches", forDocs: true);

        await branches.Locator("tr", new() { HasText = "main (default)" }).GetByRole(AriaRole.Link, new() { Name = ui.SecondCommit[..12] }).ClickAsync();
        await page.WaitForURLAsync("**/data/commit/**");
        Assert.Equal(UiStoreSeed.HostileMessage, await page.Locator("pre").InnerTextAsync());
        Assert.Contains("2222222222222222222222222222222222222222", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open as a diff page" }).ClickAsync();
        await page.WaitForURLAsync("**/data/diff**");
        var changes = await page.Locator("#changes").InnerTextAsync();
        Assert.Contains("weather/days.csv", changes, StringComparison.Ordinal);
        Assert.Contains("+50", changes, StringComparison.Ordinal);
        Assert.Contains("wind: numeric → text", changes, StringComparison.Ordinal);
        await UiFixture.ScreenshotAsync(page, "ui-diff");

        await page.Locator("#changes").GetByRole(AriaRole.Link, new() { Name = "weather/days.csv" }).ClickAsync();
        await page.WaitForURLAsync("**/data/file/**");
        Assert.Equal("First 100 rows", await page.Locator("h2").First.InnerTextAsync());
        var header = await page.Locator("#preview thead").InnerTextAsync();
        Assert.Contains("temp_max", header, StringComparison.Ordinal);
        Assert.Contains("number", header, StringComparison.Ordinal);
        Assert.Contains("date", header, StringComparison.Ordinal);
        Assert.Equal(100, await page.Locator("#preview tbody tr").CountAsync());
        await UiFixture.ScreenshotAsync(page, "ui-csv-preview");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_person_opens_a_run_then_compares_two_runs()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync(new Uri(ui.Address, "/runs").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = ui.Candidate.Id }).ClickAsync();
        await page.WaitForURLAsync("**/runs/" + ui.Candidate.Id);
        Assert.Contains("0.66", await page.Locator("#metrics").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg#importance").IsVisibleAsync());
        Assert.Contains("Permutation feature importance", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await UiFixture.ScreenshotAsync(page, "ui-run");

        await page.GoBackAsync();
        await page.GetByLabel("select " + ui.Baseline.Id).CheckAsync();
        await page.GetByLabel("select " + ui.Candidate.Id).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare selected (2–5)" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/compare**");
        Assert.Equal("Comparing 2 runs", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("+0.05", await page.Locator("#compare").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("[+0.012, +0.088]", await page.Locator("#intervals").InnerTextAsync(), StringComparison.Ordinal);
        await UiFixture.ScreenshotAsync(page, "ui-compare-runs", forDocs: true);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_person_opens_a_models_monitoring_chart_and_sorts_the_runs_table()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync(new Uri(ui.Address, "/models").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "weather", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/models/weather");
        var chart = page.Locator("svg#monitoring-chart");
        Assert.True(await chart.IsVisibleAsync());
        Assert.Equal(4, await chart.Locator("circle").CountAsync());
        Assert.Contains("champion", await page.Locator("#versions").InnerTextAsync(), StringComparison.Ordinal);
        var history = await page.Locator("#monitoring").InnerTextAsync();
        Assert.Contains("degraded", history, StringComparison.Ordinal);
        Assert.Contains("promoted", history, StringComparison.Ordinal);
        await UiFixture.ScreenshotAsync(page, "ui-model-monitoring", forDocs: true);

        // The one script: clicking a header sorts the table in the page.
        await page.GotoAsync(new Uri(ui.Address, "/runs").ToString());
        var started = page.Locator("#runs th", new() { HasText = "Started" });
        await started.ClickAsync();
        Assert.Contains(ui.Baseline.Id, await page.Locator("#runs tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await started.ClickAsync();
        Assert.Contains(ui.Candidate.Id, await page.Locator("#runs tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
