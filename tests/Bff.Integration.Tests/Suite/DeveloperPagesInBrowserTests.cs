using Bff.Integration.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bff.Integration.Tests.Suite;

/// <summary>The developer pages in a real browser (headless Chromium) through the real edge, as a new developer opens them.</summary>
[Collection(DevelopmentSuiteCollection.Name)]
public sealed class DeveloperPagesInBrowserTests(DevelopmentSuiteFixture suite) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };
    private readonly List<string> _requests = [];
    private HeadlessChromium? _chromium;

    private Uri Edge => suite.Edge.Client.BaseAddress!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    [Fact]
    public async Task GraphiQL_runs_the_viewer_query_with_a_pasted_demo_token_through_the_edge()
    {
        var token = await suite.Identity.UserTokenAsync("demo", "web-app", TestContext.Current.CancellationToken);
        var page = await OpenAsync("/graphql");

        await page.Locator("#bff-token").FillAsync(token);
        await page.Locator("#bff-token").DispatchEventAsync("change");
        await page.Locator(".graphiql-execute-button").ClickAsync();

        await Expect(page.Locator(".graphiql-response")).ToContainTextAsync("Demo User", Patient);
        await HeadlessChromium.ScreenshotAsync(page, "graphiql");
        AssertEveryRequestWentToTheEdge();
    }

    [Fact]
    public async Task GraphiQL_signs_in_as_the_demo_user_from_the_identity_stub_in_Development()
    {
        var page = await OpenAsync("/graphql");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use demo user (demo)" }).ClickAsync();
        await Expect(page.Locator("#bff-token-status")).ToContainTextAsync("signed in as demo", Patient);
        await page.Locator(".graphiql-execute-button").ClickAsync();

        await Expect(page.Locator(".graphiql-response")).ToContainTextAsync("Demo User", Patient);
        AssertEveryRequestWentToTheEdge();
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _chromium!.NewPageAsync();
        page.Request += (_, request) => _requests.Add(request.Url);
        var response = await page.GotoAsync(new Uri(Edge, path).ToString());
        Assert.Equal(200, response!.Status);
        return page;
    }

    // Scripts, styles, introspection, queries and the token: nothing from a CDN or anywhere else.
    private void AssertEveryRequestWentToTheEdge() =>
        Assert.All(_requests, url => Assert.True(url.StartsWith(Edge.ToString(), StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
}
