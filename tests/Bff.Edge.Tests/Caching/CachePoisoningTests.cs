using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>Attempts to make the cache serve one client's answer to another, through a real edge and upstream.</summary>
public sealed class CachePoisoningTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private EdgeHost _edge = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await CachingUpstream.StartAsync();
        _edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(_upstream));
        _client = _edge.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _edge.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task A_forged_x_forwarded_host_neither_reaches_the_upstream_nor_changes_the_cached_answer()
    {
        var attack = await SendAsync("/page", request => request.Headers.Add("X-Forwarded-Host", "evil.example"));
        var victim = await SendAsync("/page", _ => { });

        var expected = $"n=1 xfh={new Uri(_edge.HttpUrl).Authority} auth= lang=";
        Assert.Equal(expected, attack);
        Assert.Equal(expected, victim);
        Assert.Equal(1, _upstream.Count);
    }

    [Fact]
    public async Task A_forged_host_header_gets_its_own_entry()
    {
        // The upstream is told the Host in X-Forwarded-Host, so Host is keyed: a forged one cannot fill the real one's entry.
        var attack = await SendAsync("/home", request => request.Headers.Host = "evil.example");
        var victim = await SendAsync("/home", _ => { });

        Assert.Equal("n=1 xfh=evil.example auth= lang=", attack);
        Assert.Equal($"n=2 xfh={new Uri(_edge.HttpUrl).Authority} auth= lang=", victim);
    }

    [Fact]
    public async Task Another_users_token_never_gets_the_first_users_answer()
    {
        var alice = await SendAsync("/me", request => request.Headers.Authorization = new("Bearer", "alice-token"));
        var bob = await SendAsync("/me", request => request.Headers.Authorization = new("Bearer", "bob-token"));
        var anonymous = await SendAsync("/me", _ => { });
        var aliceAgain = await SendAsync("/me", request => request.Headers.Authorization = new("Bearer", "alice-token"));

        Assert.EndsWith("auth=Bearer alice-token lang=", alice, StringComparison.Ordinal);
        Assert.EndsWith("auth=Bearer bob-token lang=", bob, StringComparison.Ordinal);
        Assert.EndsWith("auth= lang=", anonymous, StringComparison.Ordinal);
        Assert.Equal(alice, aliceAgain);
        Assert.Equal(3, _upstream.Count);
    }

    [Fact]
    public async Task Another_sessions_cookie_never_gets_the_first_sessions_answer()
    {
        var alice = await SendAsync("/cart", request => request.Headers.Add("Cookie", "session=alice"));
        var bob = await SendAsync("/cart", request => request.Headers.Add("Cookie", "session=bob"));
        var aliceAgain = await SendAsync("/cart", request => request.Headers.Add("Cookie", "session=alice"));

        Assert.StartsWith("n=1 ", alice, StringComparison.Ordinal);
        Assert.StartsWith("n=2 ", bob, StringComparison.Ordinal);
        Assert.Equal(alice, aliceAgain);
    }

    [Fact]
    public async Task A_public_route_shares_one_answer_between_users()
    {
        await using var upstream = await CachingUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(upstream, new JsonObject { ["Public"] = true }));
        using var client = edge.CreateClient();

        using var first = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        first.Headers.Authorization = new("Bearer", "alice-token");
        using var second = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        second.Headers.Authorization = new("Bearer", "bob-token");
        using var a = await client.SendAsync(first, TestContext.Current.CancellationToken);
        using var b = await client.SendAsync(second, TestContext.Current.CancellationToken);

        Assert.Equal("bff-edge; hit", ResponseCacheTests.CacheStatusOf(b));
        Assert.Equal(1, upstream.Count);
    }

    [Fact]
    public async Task A_private_answer_is_not_stored_even_per_user()
    {
        var first = await SendAsync("/mine?cc=private", request => request.Headers.Authorization = new("Bearer", "alice-token"));
        var second = await SendAsync("/mine?cc=private", request => request.Headers.Authorization = new("Bearer", "alice-token"));

        Assert.NotEqual(first, second);
        Assert.Equal(2, _upstream.Count);
    }

    private async Task<string> SendAsync(string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
