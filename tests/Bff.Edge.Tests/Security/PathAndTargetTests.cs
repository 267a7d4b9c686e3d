using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.Security;

/// <summary>Encoded tricks cannot leave a route's prefix, and the gateway is not an open proxy.</summary>
public sealed class PathAndTargetTests
{
    private static async Task<(TestUpstream Api, TestUpstream Admin, EdgeHost Edge)> StartAsync()
    {
        var api = await TestUpstream.StartAsync("api");
        var admin = await TestUpstream.StartAsync("admin");
        var config = JsonNode.Parse($$"""
            {
              "Routes": { "api": { "ClusterId": "api", "Match": { "Path": "/api/{**rest}" } } },
              "Clusters": {
                "api": { "Destinations": { "a": { "Address": "{{api.Url}}" } } },
                "admin": { "Destinations": { "a": { "Address": "{{admin.Url}}" } } }
              }
            }
            """)!.AsObject();
        return (api, admin, await EdgeHost.StartAsync(config));
    }

    [Theory]
    [InlineData("/api/../admin/x")]
    [InlineData("/api/%2e%2e/admin/x")]
    [InlineData("/api/%2E%2E/%2e%2e/admin/x")]
    [InlineData("/api/./../admin/x")]
    public async Task Dot_segments_are_resolved_before_routing_and_cannot_leave_the_prefix(string target)
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, $"GET {target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        // "/admin/x" matches no route: 404 from the gateway, and the api upstream saw nothing outside /api/.
        Assert.Equal(404, RawHttp.StatusOf(response));
        Assert.Equal(0, api.Count);
        Assert.Equal(0, admin.Count);
    }

    [Theory]
    [InlineData("/api%2f..%2fadmin/x")]
    [InlineData("/api/x%2F..%2F..%2Fadmin")]
    [InlineData("/api/..%5c..%5cadmin")]
    public async Task Encoded_slashes_and_backslashes_are_refused(string target)
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, $"GET {target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, RawHttp.StatusOf(response));
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task Double_encoding_reaches_the_upstream_still_encoded_and_inside_the_prefix()
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, "GET /api/%252e%252e/%252e%252e/admin HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, RawHttp.StatusOf(response));
        var seen = Assert.Single(api.Requests);
        Assert.StartsWith("/api/", seen.Path, StringComparison.Ordinal);
        Assert.Equal("/api/%252e%252e/%252e%252e/admin", seen.RawTarget);
    }

    [Fact]
    public async Task Repeated_slashes_are_merged_so_nothing_upstream_reads_an_authority()
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, "GET //api//evil.example/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, RawHttp.StatusOf(response));
        Assert.Equal("/api/evil.example/x", Assert.Single(api.Requests).RawTarget);
    }

    [Theory]
    [InlineData("GET http://evil.example/api/x HTTP/1.1\r\nHost: evil.example\r\n\r\n")]
    [InlineData("GET http://a/api/x HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n")]
    [InlineData("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")]
    public async Task Absolute_form_and_authority_form_targets_are_refused(string request)
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, request);

        Assert.Equal(400, RawHttp.StatusOf(response));
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task Connection_cannot_strip_the_gateways_own_headers()
    {
        var (api, admin, edge) = await StartAsync();
        await using var _ = api;
        await using var __ = admin;
        await using var ___ = edge;

        var response = await RawHttp.SendAsync(edge.HttpPort, "GET /api/x HTTP/1.1\r\nHost: a\r\nConnection: close, X-Forwarded-For, X-Forwarded-Proto, X-Request-Id, traceparent\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n");

        Assert.Equal(200, RawHttp.StatusOf(response));
        var headers = Assert.Single(api.Requests).Headers;
        Assert.Equal("127.0.0.1", headers["X-Forwarded-For"]);
        Assert.Equal("http", headers["X-Forwarded-Proto"]);
        Assert.True(headers.ContainsKey("X-Request-Id"));
        Assert.True(headers.ContainsKey("traceparent"));
    }
}
