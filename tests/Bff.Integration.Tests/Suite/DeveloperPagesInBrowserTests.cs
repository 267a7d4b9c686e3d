using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task Partner_reference_lists_the_operations_of_v2_and_of_the_deprecated_v1_without_a_token()
    {
        var page = await OpenAsync("/partner/docs");

        await Expect(page.Locator(".opblock").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(await DocumentedOperationsAsync("v2"), await ListedOperationsAsync(page));
        Assert.Equal(0, await page.Locator(".opblock-deprecated").CountAsync());

        await page.Locator("select#select").SelectOptionAsync(new SelectOptionValue { Label = "v1 (deprecated)" });
        await Expect(page.Locator(".opblock-deprecated").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var v1 = await DocumentedOperationsAsync("v1");

        Assert.Equal(v1, await ListedOperationsAsync(page));
        Assert.Equal(v1.Count, await page.Locator(".opblock-deprecated").CountAsync());
        await Expect(page.Locator(".info")).ToContainTextAsync("Deprecated", Patient);
        await HeadlessChromium.ScreenshotAsync(page, "partner-reference");
        AssertEveryRequestWentToTheEdge();
    }

    // "GET /partner/v2/orders", ... as Swagger UI renders them (a deprecated operation's path element has another class).
    private static async Task<List<string>> ListedOperationsAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.opblock')].map(o => o.querySelector('.opblock-summary-method').textContent + ' ' + o.querySelector('[data-path]').getAttribute('data-path'))"))
            .Order(StringComparer.Ordinal)];

    private async Task<List<string>> DocumentedOperationsAsync(string version)
    {
        var document = await suite.Edge.Client.GetFromJsonAsync<JsonElement>(new Uri($"/partner/{version}/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => method.Name.ToUpperInvariant() + " " + path.Name))
            .Order(StringComparer.Ordinal)];
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
