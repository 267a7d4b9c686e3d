using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Forwarding;

public sealed class ForwardingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_is_forwarded_with_method_path_query_and_body_and_the_answer_comes_back()
    {
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = 201;
            context.Response.Headers["X-Upstream"] = "yes";
            await context.Response.WriteAsync($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}");
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.PostAsync("/orders/7?expand=items&x=%20y", new StringContent("hello"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("X-Upstream").Single());
        Assert.Equal("POST /orders/7?expand=items&x=%20y hello", await response.Content.ReadAsStringAsync(Ct));
        var seen = Assert.Single(upstream.Requests);
        Assert.Equal("5", seen.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Hop_by_hop_headers_and_those_named_in_Connection_are_not_forwarded()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Connection.Add("X-Drop-Me");
        request.Headers.TryAddWithoutValidation("X-Drop-Me", "secret");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic abc");
        request.Headers.TryAddWithoutValidation("X-Keep-Me", "1");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = Assert.Single(upstream.Requests).Headers;
        Assert.False(headers.ContainsKey("X-Drop-Me"));
        Assert.False(headers.ContainsKey("Keep-Alive"));
        Assert.False(headers.ContainsKey("Proxy-Authorization"));
        Assert.Equal("1", headers["X-Keep-Me"]);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_client_are_replaced()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "6.6.6.6");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        request.Headers.TryAddWithoutValidation("Forwarded", "for=6.6.6.6");

        using var response = await client.SendAsync(request, Ct);

        var headers = Assert.Single(upstream.Requests).Headers;
        Assert.Equal("127.0.0.1", headers["X-Forwarded-For"]);
        Assert.Equal("http", headers["X-Forwarded-Proto"]);
        Assert.Equal($"127.0.0.1:{edge.HttpPort}", headers["X-Forwarded-Host"]);
        Assert.False(headers.ContainsKey("Forwarded"));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_trusted_proxy_are_kept_and_appended_to()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Server"] = new JsonObject { ["TrustedProxies"] = new JsonArray("127.0.0.0/8") };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "api.example.com");

        using var response = await client.SendAsync(request, Ct);

        var headers = Assert.Single(upstream.Requests).Headers;
        Assert.Equal("203.0.113.9, 127.0.0.1", headers["X-Forwarded-For"]);
        Assert.Equal("https", headers["X-Forwarded-Proto"]);
        Assert.Equal("api.example.com", headers["X-Forwarded-Host"]);
    }

    [Fact]
    public async Task A_request_id_is_added_when_absent_and_kept_when_present()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using (await client.GetAsync("/a", Ct))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/b");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "client-id-1");
        using (await client.SendAsync(request, Ct))
        {
        }

        var seen = upstream.Requests.ToArray();
        Assert.False(string.IsNullOrEmpty(seen[0].Headers["X-Request-Id"]));
        Assert.Equal("client-id-1", seen[1].Headers["X-Request-Id"]);
    }

    [Fact]
    public async Task The_client_traceparent_trace_id_reaches_the_upstream()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request, Ct);

        var traceParent = Assert.Single(upstream.Requests).Headers["traceparent"].ToString();
        Assert.Equal(traceId, traceParent.Split('-')[1]);
    }

    [Fact]
    public async Task Without_a_traceparent_the_gateway_starts_a_trace()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        var traceParent = Assert.Single(upstream.Requests).Headers["traceparent"].ToString();
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", traceParent);
    }

    [Fact]
    public async Task The_host_is_the_destinations_by_default_and_the_clients_when_the_route_says_Original()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/default/{**all}", upstream.Url);
        config["Routes"]!["keep"] = new JsonObject
        {
            ["ClusterId"] = "c1",
            ["Match"] = new JsonObject { ["Path"] = "/keep/{**all}" },
            ["Transforms"] = new JsonObject { ["HostHeader"] = "Original" },
        };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/default/x"))
        {
            request.Headers.Host = "public.example";
            using var _ = await client.SendAsync(request, Ct);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/keep/x"))
        {
            request.Headers.Host = "public.example";
            using var _ = await client.SendAsync(request, Ct);
        }

        var seen = upstream.Requests.ToArray();
        Assert.Equal(new Uri(upstream.Url).Authority, seen[0].Headers.Host);
        Assert.Equal("public.example", seen[0].Headers["X-Forwarded-Host"]);
        Assert.Equal("public.example", seen[1].Headers.Host);
    }

    [Fact]
    public async Task A_route_can_strip_its_prefix()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var config = EdgeHost.SingleRoute("/mobile/{**rest}", upstream.Url);
        config["Routes"]!["r1"]!["Transforms"] = new JsonObject { ["PathRemovePrefix"] = "/mobile" };
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/mobile/home?x=1", Ct);

        Assert.Equal("/home?x=1", Assert.Single(upstream.Requests).RawTarget);
    }

    [Fact]
    public async Task Routes_match_on_method_host_and_header()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var b = await TestUpstream.StartAsync("b");
        var config = JsonNode.Parse($$"""
            {
              "Routes": {
                "canary": { "ClusterId": "b", "Match": { "Path": "/api/{**x}", "Headers": [ { "Name": "X-Canary", "Values": [ "on" ] } ] } },
                "admin": { "ClusterId": "b", "Match": { "Path": "/api/{**x}", "Hosts": [ "admin.example" ] } },
                "post": { "ClusterId": "b", "Match": { "Path": "/api/{**x}", "Methods": [ "DELETE" ] } },
                "rest": { "ClusterId": "a", "Match": { "Path": "/api/{**x}" }, "Order": 1 }
              },
              "Clusters": {
                "a": { "Destinations": { "a": { "Address": "{{a.Url}}" } } },
                "b": { "Destinations": { "b": { "Address": "{{b.Url}}" } } }
              }
            }
            """)!.AsObject();
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        async Task<string> Send(HttpMethod method, string? header = null, string? host = null)
        {
            using var request = new HttpRequestMessage(method, "/api/x");
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Canary", header);
            }

            if (host is not null)
            {
                request.Headers.Host = host;
            }

            using var response = await client.SendAsync(request, Ct);
            return await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.Equal("upstream:a", await Send(HttpMethod.Get));
        Assert.Equal("upstream:b", await Send(HttpMethod.Get, header: "on"));
        Assert.Equal("upstream:a", await Send(HttpMethod.Get, header: "off"));
        Assert.Equal("upstream:b", await Send(HttpMethod.Get, host: "admin.example:8080"));
        Assert.Equal("upstream:b", await Send(HttpMethod.Delete));
    }

    [Fact]
    public async Task Header_condition_in_contains_mode_matches_a_value_inside_a_list_header()
    {
        await using var a = await TestUpstream.StartAsync("a");
        await using var b = await TestUpstream.StartAsync("b");
        var config = JsonNode.Parse($$"""
            {
              "Routes": {
                "page": { "ClusterId": "b", "Match": { "Path": "/graphql", "Headers": [ { "Name": "Accept", "Values": [ "text/html" ], "Mode": "Contains" } ] } },
                "api": { "ClusterId": "a", "Match": { "Path": "/graphql" }, "Order": 1 }
              },
              "Clusters": {
                "a": { "Destinations": { "a": { "Address": "{{a.Url}}" } } },
                "b": { "Destinations": { "b": { "Address": "{{b.Url}}" } } }
              }
            }
            """)!.AsObject();
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();

        async Task<string> Send(string accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await client.SendAsync(request, Ct);
            return await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.Equal("upstream:b", await Send("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        Assert.Equal("upstream:a", await Send("application/graphql-response+json, application/json"));
    }

    [Fact]
    public async Task No_matching_route_is_a_404_problem()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/only/{**rest}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/elsewhere", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(0, upstream.Count);
    }

    [Fact]
    public async Task An_unreachable_upstream_is_a_502_problem()
    {
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", $"http://127.0.0.1:{Ports.Closed()}"));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/x", Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_slow_upstream_is_a_504_problem_after_the_route_timeout()
    {
        await using var upstream = await TestUpstream.StartAsync("slow", async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
        config["Routes"]!["r1"]!["Timeout"] = "00:00:00.300";
        await using var edge = await EdgeHost.StartAsync(config);
        using var client = edge.CreateClient();
        var started = DateTime.UtcNow;

        using var response = await client.GetAsync("/x", Ct);

        await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_large_request_body_reaches_the_upstream_before_the_client_has_sent_it_all()
    {
        var firstBytesSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                firstBytesSeen.TrySetResult();
            }

            await context.Response.WriteAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        var content = new GatedContent(firstPart: 256 * 1024, secondPart: 768 * 1024, gate: firstBytesSeen.Task);

        using var response = await client.PostAsync("/upload", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_response_body_reaches_the_client_before_the_upstream_has_finished_it()
    {
        var clientSawFirstPart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            await context.Response.WriteAsync("first-part;", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await clientSawFirstPart.Task.WaitAsync(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.WriteAsync("second-part", context.RequestAborted);
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        var stream = await response.Content.ReadAsStreamAsync(Ct);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, Ct);
        var first = Encoding.ASCII.GetString(buffer, 0, read);
        clientSawFirstPart.SetResult();
        using var reader = new StreamReader(stream);
        var rest = await reader.ReadToEndAsync(Ct);

        Assert.Equal("first-part;", first);
        Assert.Equal("second-part", rest);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_upstream_call()
    {
        var upstreamCanceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstreamStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await TestUpstream.StartAsync("a", async (context, _) =>
        {
            upstreamStarted.SetResult();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                upstreamCanceled.SetResult();
            }
        });
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync("/hang", cancel.Token);
        await upstreamStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        await upstreamCanceled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    /// <summary>Sends a first part, waits for the gate (the upstream having seen bytes), then the rest; chunked.</summary>
    private sealed class GatedContent(int firstPart, int secondPart, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(new byte[firstPart]);
            await stream.FlushAsync();
            await gate.WaitAsync(TimeSpan.FromSeconds(10));
            await stream.WriteAsync(new byte[secondPart]);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
