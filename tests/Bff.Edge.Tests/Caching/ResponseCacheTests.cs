using System.Net;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Caching;

/// <summary>Hits, misses, staleness and what the upstream's headers allow, through a real edge and upstream.</summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private EdgeHost _edge = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await CachingUpstream.StartAsync();
        _edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(_upstream, new JsonObject { ["Ttl"] = "00:01:00", ["MaxBodySize"] = 65536 }));
        _client = _edge.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _edge.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task A_successful_write_makes_the_paths_stored_answers_stale_and_a_failed_write_does_not()
    {
        using (await GetAsync("/w?a=1")) { }
        using var hit = await GetAsync("/w?a=1");
        using var failedWrite = await _client.PostAsync(new Uri("/w?status=500", UriKind.Relative), new StringContent("x"), TestContext.Current.CancellationToken);
        using var stillHit = await GetAsync("/w?a=1");
        using var write = await _client.PostAsync(new Uri("/w", UriKind.Relative), new StringContent("x"), TestContext.Current.CancellationToken);
        using var afterWrite = await GetAsync("/w?a=1");

        Assert.Equal("bff-edge; hit", CacheStatusOf(hit));
        Assert.Equal(HttpStatusCode.InternalServerError, failedWrite.StatusCode);
        Assert.Equal("bff-edge; hit", CacheStatusOf(stillHit));
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.StartsWith("bff-edge; fwd=uri-miss", CacheStatusOf(afterWrite), StringComparison.Ordinal);
        Assert.Equal(4, _upstream.Count); // the first GET, both writes, the GET after the write
    }

    [Fact]
    public async Task First_get_is_a_stored_miss_and_the_second_a_hit_with_age()
    {
        var first = await GetAsync("/a");
        var second = await GetAsync("/a");

        Assert.Equal("bff-edge; fwd=uri-miss; stored", CacheStatusOf(first));
        Assert.Equal("bff-edge; hit", CacheStatusOf(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("text/plain", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, _upstream.Count);
    }

    [Fact]
    public async Task A_disabled_cache_block_forwards_everything_without_cache_status()
    {
        await using var upstream = await CachingUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(upstream, new JsonObject { ["Enabled"] = false }));
        using var client = edge.CreateClient();

        using var first = await client.GetAsync("/off", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("/off", TestContext.Current.CancellationToken);

        Assert.Null(CacheStatusOf(first));
        Assert.Null(CacheStatusOf(second));
        Assert.Equal(2, upstream.Count);
    }

    [Fact]
    public async Task Query_is_part_of_the_key()
    {
        await GetAsync("/q?x=1");
        var other = await GetAsync("/q?x=2");

        Assert.Equal("bff-edge; fwd=uri-miss; stored", CacheStatusOf(other));
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task An_entry_past_its_max_age_is_stale_and_fetched_again()
    {
        await GetAsync("/s?cc=max-age%3D1");
        var hit = await GetAsync("/s?cc=max-age%3D1");
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var stale = await GetAsync("/s?cc=max-age%3D1");

        Assert.Equal("bff-edge; hit", CacheStatusOf(hit));
        Assert.Equal("bff-edge; fwd=stale; stored", CacheStatusOf(stale));
        Assert.StartsWith("n=2 ", await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upstream_age_counts_against_freshness_and_shows_on_hits()
    {
        await GetAsync("/age?cc=max-age%3D3600&age=100");
        var hit = await GetAsync("/age?cc=max-age%3D3600&age=100");
        var tooOld = await GetAsync("/age2?cc=max-age%3D30&age=40");

        Assert.Equal("bff-edge; hit", CacheStatusOf(hit));
        Assert.InRange(hit.Headers.Age!.Value.TotalSeconds, 100, 105);
        Assert.Equal("bff-edge; fwd=uri-miss; detail=expired", CacheStatusOf(tooOld));
    }

    [Theory]
    [InlineData("no-store", "no-store")]
    [InlineData("private%2C+max-age%3D60", "private")]
    [InlineData("no-cache", "no-cache")]
    public async Task Cache_control_that_forbids_a_shared_store_is_honoured(string cacheControl, string detail)
    {
        var first = await GetAsync($"/cc?cc={cacheControl}");
        var second = await GetAsync($"/cc?cc={cacheControl}");

        Assert.Equal($"bff-edge; fwd=uri-miss; detail={detail}", CacheStatusOf(first));
        Assert.Equal($"bff-edge; fwd=uri-miss; detail={detail}", CacheStatusOf(second));
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task S_maxage_zero_means_not_stored()
    {
        var first = await GetAsync("/smax?cc=max-age%3D60%2C+s-maxage%3D0");

        Assert.Equal("bff-edge; fwd=uri-miss; detail=expired", CacheStatusOf(first));
    }

    [Fact]
    public async Task An_answer_that_sets_a_cookie_is_never_stored()
    {
        await GetAsync("/cookie?cookie=1");
        var second = await GetAsync("/cookie?cookie=1");

        Assert.Equal("bff-edge; fwd=uri-miss; detail=set-cookie", CacheStatusOf(second));
        Assert.True(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task Errors_are_not_stored_but_404_is()
    {
        await GetAsync("/e?status=500");
        var error = await GetAsync("/e?status=500");
        await GetAsync("/e?status=404");
        var notFound = await GetAsync("/e?status=404");

        Assert.Equal("bff-edge; fwd=uri-miss; detail=status", CacheStatusOf(error));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("bff-edge; hit", CacheStatusOf(notFound));
        Assert.Equal(3, _upstream.Count);
    }

    [Fact]
    public async Task Vary_keeps_one_answer_per_header_value()
    {
        var german = await GetAsync("/v?vary=Accept-Language", "de");
        var french = await GetAsync("/v?vary=Accept-Language", "fr");
        var germanAgain = await GetAsync("/v?vary=Accept-Language", "de");

        Assert.Equal("bff-edge; fwd=vary-miss; stored", CacheStatusOf(french));
        Assert.Equal("bff-edge; hit", CacheStatusOf(germanAgain));
        Assert.EndsWith("lang=de", await germanAgain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.EndsWith("lang=fr", await french.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(2, _upstream.Count);
        _ = german;
    }

    [Fact]
    public async Task Vary_star_is_never_stored()
    {
        await GetAsync("/vs?vary=*");
        var second = await GetAsync("/vs?vary=*");

        Assert.Equal("bff-edge; fwd=uri-miss; detail=vary-star", CacheStatusOf(second));
    }

    [Fact]
    public async Task Head_is_served_from_a_stored_get_without_a_body()
    {
        var miss = await SendAsync(HttpMethod.Head, "/h");
        var get = await GetAsync("/h");
        var head = await SendAsync(HttpMethod.Head, "/h");

        Assert.Equal("bff-edge; fwd=uri-miss", CacheStatusOf(miss));
        Assert.Equal("bff-edge; hit", CacheStatusOf(head));
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task A_conditional_hit_whose_etag_matches_is_304_without_a_body()
    {
        await GetAsync("/etag?etag=v1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/etag?etag=v1");
        request.Headers.IfNoneMatch.ParseAdd("W/\"v1\"");
        using var notModified = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/etag?etag=v1");
        other.Headers.IfNoneMatch.ParseAdd("\"v0\"");
        using var full = await _client.SendAsync(other, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("bff-edge; hit", CacheStatusOf(notModified));
        Assert.Equal("\"v1\"", notModified.Headers.ETag!.Tag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(1, _upstream.Count);
    }

    [Fact]
    public async Task Other_methods_bypass_the_cache()
    {
        using var post = await _client.PostAsync("/p", new StringContent("x"), TestContext.Current.CancellationToken);

        Assert.Equal("bff-edge; fwd=method", CacheStatusOf(post));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&chunked=1")]
    public async Task A_body_over_the_limit_streams_through_whole_and_is_not_stored(string chunked)
    {
        var path = "/big?size=200000" + chunked;
        var first = await GetAsync(path);
        var second = await GetAsync(path);

        Assert.Equal(200000, (await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
        Assert.Equal(200000, (await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
        Assert.Equal(2, _upstream.Count);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_stored_and_served_with_its_length()
    {
        await GetAsync("/chunked?chunked=1&size=30000");
        var hit = await GetAsync("/chunked?chunked=1&size=30000");

        Assert.Equal("bff-edge; hit", CacheStatusOf(hit));
        Assert.Equal(30000, hit.Content.Headers.ContentLength);
        Assert.Equal(30000, (await hit.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task A_range_request_bypasses_the_cache()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 3);
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("bff-edge; fwd=request", CacheStatusOf(response));
    }

    internal static string? CacheStatusOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : null;

    private Task<HttpResponseMessage> GetAsync(string path, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path) =>
        _client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);
}
