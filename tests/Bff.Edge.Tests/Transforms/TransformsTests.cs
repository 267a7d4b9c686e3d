using System.Net;
using System.Text.Json.Nodes;
using Bff.Edge.Configuration;
using Bff.Edge.Hosting;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Transforms;

/// <summary>Per-route header, query and path transforms, seen from a real upstream and a real client.</summary>
public sealed class TransformsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_headers_are_removed_renamed_set_and_added_before_the_upstream_sees_them()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, new JsonObject
        {
            ["RequestHeaders"] = new JsonObject
            {
                ["Remove"] = new JsonArray("X-Debug"),
                ["Rename"] = new JsonObject { ["X-Api-Token"] = "X-Upstream-Token" },
                ["Set"] = new JsonObject { ["X-Tenant"] = "t-{id}" },
                ["Add"] = new JsonObject { ["X-Via"] = "edge" },
            },
        }));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/users/42/orders");
        request.Headers.Add("X-Debug", "1");
        request.Headers.Add("X-Api-Token", "abc");
        request.Headers.Add("X-Tenant", "client-chosen");
        request.Headers.Add("X-Via", "client");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(upstream.Requests).Headers;
        Assert.False(headers.ContainsKey("X-Debug"));
        Assert.False(headers.ContainsKey("X-Api-Token"));
        Assert.Equal("abc", headers["X-Upstream-Token"]);
        Assert.Equal("t-42", headers["X-Tenant"]);
        Assert.Equal("client, edge", headers["X-Via"].ToString());
    }

    [Fact]
    public async Task A_route_value_that_is_not_visible_ASCII_is_percent_encoded_in_a_header()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, new JsonObject
        {
            ["RequestHeaders"] = new JsonObject { ["Set"] = new JsonObject { ["X-User"] = "{id}" } },
        }));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/users/j%C3%B6rg%20x/a", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("j%C3%B6rg%20x", Assert.Single(upstream.Requests).Headers["X-User"]);
    }

    [Fact]
    public async Task Response_headers_are_transformed_on_the_upstreams_answer_but_not_on_the_edges_own_errors()
    {
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            context.Response.Headers["X-Powered-By"] = "Kestrel";
            context.Response.Headers["X-Internal-Version"] = "7";
            context.Response.Headers.CacheControl = "public, max-age=60";
            await context.Response.WriteAsync("ok");
        });
        var transforms = new JsonObject
        {
            ["ResponseHeaders"] = new JsonObject
            {
                ["Remove"] = new JsonArray("X-Powered-By"),
                ["Rename"] = new JsonObject { ["X-Internal-Version"] = "X-Version" },
                ["Set"] = new JsonObject { ["Cache-Control"] = "private, max-age=5" },
                ["Add"] = new JsonObject { ["X-User-Route"] = "users/{id}" },
            },
        };
        var config = Config(upstream.Url, transforms);
        config["Clusters"]!["down"] = new JsonObject { ["Destinations"] = new JsonObject { ["d"] = new JsonObject { ["Address"] = $"http://127.0.0.1:{Ports.Closed()}" } } };
        config["Routes"]!["down"] = new JsonObject
        {
            ["ClusterId"] = "down",
            ["Match"] = new JsonObject { ["Path"] = "/down/{id}" },
            ["Transforms"] = transforms.DeepClone(),
        };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/users/7/x", Ct);
        using var failed = await client.GetAsync("/down/7", Ct);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.False(response.Headers.Contains("X-Internal-Version"));
        Assert.Equal("7", response.Headers.GetValues("X-Version").Single());
        Assert.Equal("private, max-age=5", response.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("users/7", response.Headers.GetValues("X-User-Route").Single());
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("no-store", failed.Headers.NonValidated["Cache-Control"].ToString());
        Assert.False(failed.Headers.Contains("X-User-Route"));
    }

    [Fact]
    public async Task Query_parameters_are_removed_set_and_added_and_the_path_rebuilt_from_route_values()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = Config(upstream.Url, new JsonObject
        {
            ["PathPattern"] = "/api/v2/accounts/{id}/{**rest}",
            ["Query"] = new JsonObject
            {
                ["Remove"] = new JsonArray("debug"),
                ["Set"] = new JsonObject { ["tenant"] = "{id}" },
                ["Add"] = new JsonObject { ["source"] = "edge gw" },
            },
        });
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/users/42/orders/9?debug=1&page=2&DEBUG=2&tenant=evil&ten%61nt=evil2&x=%20y", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/v2/accounts/42/orders/9?page=2&x=%20y&tenant=42&source=edge%20gw", Assert.Single(upstream.Requests).RawTarget);
    }

    [Fact]
    public async Task Query_transforms_on_a_request_without_a_query_add_one()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, new JsonObject
        {
            ["Query"] = new JsonObject { ["Remove"] = new JsonArray("a"), ["Add"] = new JsonObject { ["v"] = "2" } },
        }));
        using var client = edge.CreateClient();

        using var plain = await client.GetAsync("/users/1/x", Ct);
        using var onlyRemoved = await client.GetAsync("/users/1/x?a=1", Ct);

        Assert.Equal(["/users/1/x?v=2", "/users/1/x?v=2"], upstream.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_route_without_header_or_query_transforms_compiles_none()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(Config(upstream.Url, new JsonObject { ["PathPrefix"] = "/v1" }));

        var route = Assert.Single(edge.ConfigProvider.Current.Routes.Routes);

        Assert.Null(route.Transforms);
        Assert.Null(route.Cors);
    }

    private static JsonObject Config(string upstreamUrl, JsonObject transforms)
    {
        var config = EdgeHost.SingleRoute("/users/{id}/{**rest}", upstreamUrl);
        config["Routes"]!["r1"]!["Transforms"] = transforms;
        return config;
    }
}
