using Microsoft.Playwright;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Web.Tests;

/// <summary>
/// One seeded store, one server on a free loopback port and one headless Debian Chromium, shared by every spec of the
/// collection (starting a browser costs more than the tests). Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly TempFolder _folder = new();
    private UiServer? _server;
    private IPlaywright? _playwright;

    public const string Chromium = "/usr/bin/chromium";

    public Uri Address => _server!.Address;

    public HttpClient Http { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string FirstCommit { get; private set; } = "";

    public string SecondCommit { get; private set; } = "";

    internal RunRecord Baseline { get; private set; } = null!;

    internal RunRecord Candidate { get; private set; } = null!;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MlopsCi.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("MlopsCi.sln not found above the test folder.");
        }
    }

    public async Task InitializeAsync()
    {
        (FirstCommit, SecondCommit, Baseline, Candidate) = await UiStoreSeed.SeedAsync(_folder.Path);
        // The keys a spec's data.keys would give `mlops ui`, so the diff page matches rows by date as the PR comment does.
        var keys = new TableKeys([new("weather/*.csv", ["date"])]);
        _server = await UiServer.StartAsync(new UiServerOptions(new LocalFolderStore(_folder.Combine("store")), "127.0.0.1", 0) { Keys = keys }, default);
        Http.BaseAddress = _server.Address;
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run scripts/setup.sh (it installs Debian's chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        // Generous: a waited-for element normally appears in milliseconds, but a shared two-core runner under load took
        // over 15 s to render a diff page once; a real failure still fails, only later.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>Saves a screenshot under artifacts/screenshots/ and, with MLOPS_UI_DOC_IMAGES=1, as docs/images/&lt;name&gt;.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool forDocs = false)
    {
        var folder = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        Assert.True(bytes.Length > 1000, $"screenshot {name} is empty");
        if (forDocs && Environment.GetEnvironmentVariable("MLOPS_UI_DOC_IMAGES") == "1")
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot, "docs", "images", name + ".png"), bytes);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        Http.Dispose();
        _folder.Dispose();
    }
}

/// <summary>The specs sharing <see cref="UiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
