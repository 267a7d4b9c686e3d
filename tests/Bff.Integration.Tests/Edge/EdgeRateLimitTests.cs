using System.Net;

namespace Bff.Integration.Tests.Edge;

/// <summary>Rate limits at the real edge: a denied request is answered there and never reaches the upstream.</summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class EdgeRateLimitTests(EdgeSuiteFixture suite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixth_request_over_a_quota_of_five_gets_429_and_never_reaches_the_upstream()
    {
        var responses = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                // A different spoofed X-Forwarded-For each time: the peer is not a trusted proxy, so it changes nothing.
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/tight/r{i}", UriKind.Relative));
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"203.0.113.{i + 1}");
                responses.Add(await suite.Edge.Client.SendAsync(request, Ct));
            }

            Assert.All(responses.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var denied = responses[5];
            Assert.Equal(HttpStatusCode.TooManyRequests, denied.StatusCode);
            Assert.True(denied.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.StartsWith("\"tight\";q=5", denied.Headers.GetValues("RateLimit-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("r=0", denied.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);
            Assert.Contains("r=4", responses[0].Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
            Assert.Empty(suite.Upstream.To("/tight/r5"));
            Assert.Equal(5, Enumerable.Range(0, 5).Sum(i => suite.Upstream.To($"/tight/r{i}").Length));
        }
        finally
        {
            responses.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task Each_user_has_their_own_partition()
    {
        var demo = "Bearer " + await suite.Identity.UserTokenAsync("demo", "mobile-app", Ct);
        var alice = "Bearer " + await suite.Identity.UserTokenAsync("alice", "mobile-app", Ct);

        var demoStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            demoStatuses.Add(await GetAsync($"/tight-user/demo{i}", demo));
        }

        var aliceStatus = await GetAsync("/tight-user/alice", alice);

        Assert.Equal(5, demoStatuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, demoStatuses[^1]);
        Assert.Equal(HttpStatusCode.OK, aliceStatus);
    }

    private async Task<HttpStatusCode> GetAsync(string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await suite.Edge.Client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
