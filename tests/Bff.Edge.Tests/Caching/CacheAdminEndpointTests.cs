using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Edge.Tests.Caching;

/// <summary><c>DELETE /_edge/cache</c>: key, loopback-only, bad input, and that a purge really empties the cache.</summary>
public sealed class CacheAdminEndpointTests : IAsyncLifetime
{
    private const string Key = "test-admin-key-0123456789";

    private readonly IPAddress _otherAddress = NonLoopbackAddress();
    private TestUpstream _upstream = null!;
    private EdgeHost _edge = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await CachingUpstream.StartAsync();
        var config = CachingUpstream.EdgeConfig(_upstream, caching: new JsonObject { ["Admin"] = new JsonObject { ["Key"] = Key } });
        config["Routes"]!["r2"] = new JsonObject { ["ClusterId"] = "c1", ["Order"] = -1, ["Match"] = new JsonObject { ["Path"] = "/two/{**rest}" }, ["Cache"] = new JsonObject() };
        config["Server"] = new JsonObject { ["Urls"] = new JsonArray("http://127.0.0.1:0", $"http://{_otherAddress}:0") };
        _edge = await EdgeHost.StartAsync(config);
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address("127.0.0.1") };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _edge.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Purge_all_empties_the_cache()
    {
        await FillAsync("/a", "/b", "/two/c");

        using var purge = await PurgeAsync("", Key);
        var body = JsonDocument.Parse(await purge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(3, body.GetProperty("local").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("shared").ValueKind);
        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync("/a"));
        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync("/two/c"));
    }

    [Fact]
    public async Task Purge_of_a_route_keeps_the_other_routes()
    {
        await FillAsync("/a", "/two/c");

        using var purge = await PurgeAsync("?route=r2", Key);

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal("bff-edge; hit", await StatusOfGetAsync("/a"));
        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync("/two/c"));
    }

    [Fact]
    public async Task Purge_of_a_path_removes_every_query_of_it_and_nothing_else()
    {
        await FillAsync("/x?page=1", "/x?page=2", "/xy", "/y");

        using var purge = await PurgeAsync("?route=r1&path=/x", Key);

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync("/x?page=1"));
        Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync("/x?page=2"));
        Assert.Equal("bff-edge; hit", await StatusOfGetAsync("/xy"));
        Assert.Equal("bff-edge; hit", await StatusOfGetAsync("/y"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key-wrong")]
    [InlineData("test-admin-key-012345678")]
    public async Task A_missing_or_wrong_key_is_401_and_purges_nothing(string? key)
    {
        await FillAsync("/a");

        using var purge = await PurgeAsync("", key);

        await AssertProblemAsync(purge, HttpStatusCode.Unauthorized);
        Assert.Equal("bff-edge; hit", await StatusOfGetAsync("/a"));
    }

    [Fact]
    public async Task A_caller_that_is_not_on_loopback_is_refused_even_with_the_key()
    {
        await FillAsync("/a");
        var port = Address(_otherAddress.ToString()).Port;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectCallback = async (context, token) =>
        {
            // Connect from the machine's non-loopback address, so the edge sees a remote caller.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(_otherAddress, 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        } });
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"http://{_otherAddress}:{port}/_edge/cache");
        request.Headers.Add("X-Admin-Key", Key);

        using var purge = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(purge, HttpStatusCode.Forbidden);
        Assert.Equal("bff-edge; hit", await StatusOfGetAsync("/a"));
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    public async Task A_loopback_request_relayed_by_a_proxy_is_refused_even_with_the_key(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/_edge/cache");
        request.Headers.Add("X-Admin-Key", Key);
        request.Headers.TryAddWithoutValidation(header, header == "Forwarded" ? "for=203.0.113.9" : "203.0.113.9");

        using var purge = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(purge, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("?path=/x")]
    [InlineData("?route=r1&path=x")]
    [InlineData("?route=r1&path=/x%3Fa%3D1")]
    [InlineData("?route=")]
    [InlineData("?route=r1&route=r2")]
    [InlineData("?everything=1")]
    public async Task Bad_input_is_400_problem(string query)
    {
        using var purge = await PurgeAsync(query, Key);

        await AssertProblemAsync(purge, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem()
    {
        using var purge = await PurgeAsync("?route=nope", Key);

        await AssertProblemAsync(purge, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_key_the_endpoint_does_not_exist()
    {
        await using var edge = await EdgeHost.StartAsync(CachingUpstream.EdgeConfig(_upstream));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/_edge/cache");
        request.Headers.Add("X-Admin-Key", Key);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Nothing intercepts it: the catch-all route forwards it upstream like any other request.
        Assert.Equal("bff-edge; fwd=method", ResponseCacheTests.CacheStatusOf(response));
        Assert.Equal("/_edge/cache", _upstream.Requests.Last().Path);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private Uri Address(string host) =>
        _edge.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .Single(u => u.Host == host);

    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private async Task FillAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.Equal("bff-edge; fwd=uri-miss; stored", await StatusOfGetAsync(path));
        }
    }

    private async Task<string?> StatusOfGetAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        return ResponseCacheTests.CacheStatusOf(response);
    }

    private async Task<HttpResponseMessage> PurgeAsync(string query, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/_edge/cache" + query);
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
