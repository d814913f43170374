using Microsoft.Playwright;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Console;

/// <summary>
/// Debian's <c>chromium</c>, headless, driven by Playwright through <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>:
/// the system browser, never one Playwright downloads. One browser for the class; each test opens its own page.
/// Without chromium on the PATH a test that asks for the browser is skipped (failed under CI).
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string? Executable => ToolPath.Find("chromium");

    /// <summary>Where the screenshots go: artifacts/console under the test binaries.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "console")).FullName;

    public async Task<IPage> NewPageAsync()
    {
        if (browser is null)
        {
            MissingTool.Stop("chromium is not on PATH (apt-get install -y chromium): the console's browser tests drive Debian's headless Chromium.");
        }

        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async ValueTask InitializeAsync()
    {
        if (Executable is not { } chromium)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
