using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Cors;

/// <summary>CORS at the edge, against a real upstream that records what reaches it.</summary>
public sealed class CorsTests
{
    private const string WebApp = "http://localhost:3000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preflight_from_an_allowed_origin_is_answered_204_at_the_edge_and_never_forwarded()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors(credentials: true, maxAge: "00:10:00")));
        using var client = edge.CreateClient();

        using var response = await client.SendAsync(Preflight("/graphql", WebApp, "POST", "content-type, authorization"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(WebApp, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type, authorization", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Equal("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", Header(response, "Vary"));
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task Preflight_takes_a_route_whose_methods_do_not_list_OPTIONS()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = Config(upstream.Url, Cors());
        config["Routes"]!["r1"]!["Match"]!["Methods"] = new JsonArray("POST");
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var preflight = await client.SendAsync(Preflight("/graphql", WebApp, "POST", null), Ct);
        using var plainOptions = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/graphql"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plainOptions.StatusCode);
        Assert.Equal(0, upstream.Count);
    }

    [Theory]
    [InlineData("https://evil.example", "POST", null, "Origin 'https://evil.example' is not allowed on this route.")]
    [InlineData("null", "POST", null, "Origin 'null' is not allowed on this route.")]
    [InlineData("http://localhost:3001", "POST", null, "Origin 'http://localhost:3001' is not allowed on this route.")]
    [InlineData(WebApp, "DELETE", null, "Method 'DELETE' is not allowed for cross-origin requests on this route.")]
    [InlineData(WebApp, "POST", "content-type, x-debug", "Request header 'x-debug' is not allowed for cross-origin requests on this route.")]
    public async Task A_refused_preflight_is_a_403_problem_without_CORS_headers(string origin, string method, string? headers, string detail)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors(credentials: true)));
        using var client = edge.CreateClient();

        using var response = await client.SendAsync(Preflight("/graphql", origin, method, headers), Ct);

        await AssertForbiddenAsync(response, detail);
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task An_actual_request_from_an_allowed_origin_gets_the_echoed_origin_credentials_and_exposed_headers()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors(credentials: true)));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{}") };
        request.Headers.Add("Origin", WebApp);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream:a", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(WebApp, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("X-Request-Id, RateLimit", Header(response, "Access-Control-Expose-Headers"));
        Assert.Equal("Origin", Header(response, "Vary"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.Equal(WebApp, Assert.Single(upstream.Requests).Headers.Origin);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    public async Task An_actual_request_from_another_origin_is_refused_403_before_the_upstream(string origin)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors()));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{}") };
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request, Ct);

        await AssertForbiddenAsync(response, $"Origin '{origin}' is not allowed on this route.");
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task Two_Origin_headers_are_refused_403()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors()));

        var response = await RawHttp.SendAsync(
            edge.HttpPort,
            $"GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {WebApp}\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n");

        Assert.Equal(403, RawHttp.StatusOf(response));
        Assert.Contains("A request must carry at most one Origin header.", response, StringComparison.Ordinal);
        Assert.DoesNotContain("Access-Control-Allow-Origin", response, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task A_same_origin_request_passes_without_CORS_headers()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors()));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{}") };
        request.Headers.Add("Origin", edge.HttpUrl);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(1, upstream.Count);
    }

    [Fact]
    public async Task CORS_headers_the_upstream_set_are_replaced_by_the_routes_own()
    {
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowCredentials = "true";
            context.Response.Headers.AccessControlAllowMethods = "PUT";
            context.Response.Headers.AccessControlExposeHeaders = "X-Secret";
            context.Response.Headers.Vary = "Accept";
            await context.Response.WriteAsync("ok");
        });
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, Cors()));
        using var client = edge.CreateClient();
        using var fromApp = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        fromApp.Headers.Add("Origin", WebApp);

        using var withOrigin = await client.SendAsync(fromApp, Ct);
        using var withoutOrigin = await client.GetAsync("/graphql", Ct);

        Assert.Equal(WebApp, Header(withOrigin, "Access-Control-Allow-Origin"));
        Assert.Equal("X-Request-Id, RateLimit", Header(withOrigin, "Access-Control-Expose-Headers"));
        Assert.False(withOrigin.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(withOrigin.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.Equal("Accept, Origin", Header(withOrigin, "Vary"));
        Assert.False(withoutOrigin.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(withoutOrigin.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("Accept, Origin", Header(withoutOrigin, "Vary"));
    }

    [Fact]
    public async Task A_wildcard_route_answers_star_and_does_not_vary_by_origin()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var cors = new JsonObject { ["AllowedOrigins"] = new JsonArray("*"), ["AllowedHeaders"] = new JsonArray("*") };
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, cors));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Origin", "https://anyone.example");

        using var preflight = await client.SendAsync(Preflight("/graphql", "https://anyone.example", "GET", "x-anything"), Ct);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("x-anything", Header(preflight, "Access-Control-Allow-Headers"));
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Vary"));
    }

    [Fact]
    public async Task Preflight_is_answered_before_authentication_and_a_401_still_carries_the_CORS_headers()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var directory = Directory.CreateTempSubdirectory("edge-cors-").FullName;
        try
        {
            var keyPath = Path.Combine(directory, "identity.pem");
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), Ct);
            }

            var config = Config(upstream.Url, Cors(credentials: true));
            config["Routes"]!["r1"]!["Auth"] = new JsonObject { ["Audience"] = "web-bff" };
            config["Identity"] = new JsonObject { ["SigningKeyPath"] = keyPath };
            config["Authentication"] = new JsonObject { ["Jwt"] = new JsonObject { ["Authority"] = $"http://127.0.0.1:{Ports.Closed()}/" } };
            await using var edge = await EdgeHost.StartAsync(config);
            using var client = edge.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{}") };
            request.Headers.Add("Origin", WebApp);

            using var preflight = await client.SendAsync(Preflight("/graphql", WebApp, "POST", "authorization"), Ct);
            using var unauthenticated = await client.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            Assert.Equal(WebApp, Header(unauthenticated, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Header(unauthenticated, "Access-Control-Allow-Credentials"));
            Assert.Equal(0, upstream.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_route_without_Cors_forwards_preflights_and_upstream_CORS_headers_untouched()
    {
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "https://upstream.example";
            await context.Response.WriteAsync("ok");
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.SendAsync(Preflight("/graphql", WebApp, "POST", null), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://upstream.example", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("OPTIONS", Assert.Single(upstream.Requests).Method);
    }

    internal static JsonObject Config(string upstreamUrl, JsonObject cors)
    {
        var config = EdgeHost.SingleRoute("/graphql", upstreamUrl);
        config["Routes"]!["r1"]!["Cors"] = cors;
        return config;
    }

    private static JsonObject Cors(bool credentials = false, string? maxAge = null)
    {
        var cors = new JsonObject
        {
            ["AllowedOrigins"] = new JsonArray(WebApp),
            ["AllowedMethods"] = new JsonArray("GET", "POST"),
            ["AllowedHeaders"] = new JsonArray("Authorization", "Content-Type"),
            ["ExposedHeaders"] = new JsonArray("X-Request-Id", "RateLimit"),
            ["AllowCredentials"] = credentials,
        };
        if (maxAge is not null)
        {
            cors["MaxAge"] = maxAge;
        }

        return cors;
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(StatusCodes.Status403Forbidden, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
