using Bff.Edge.Compression;
using Bff.Edge.Configuration;
using Bff.Edge.Cors;
using Bff.Edge.Hosting;
using Bff.Edge.Transforms;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Transforms;

/// <summary>
/// CORS, transforms and compression sit on every request's path; a route that uses none of them must not pay for
/// them: no allocation (and no async state machine) in the three middlewares.
/// </summary>
public sealed class PassThroughCostTests
{
    private const int Requests = 10_000;

    [Fact]
    public void A_route_without_Cors_Transforms_or_Compression_allocates_nothing_in_their_middlewares()
    {
        var snapshot = Snapshot("""{ "PathPrefix": "/v1" }""", extra: "");
        try
        {
            var context = Context(snapshot, origin: null);

            var bytes = AllocatedPerRequest(context);

            Assert.Equal(0, bytes);
        }
        finally
        {
            Dispose(snapshot);
        }
    }

    [Fact]
    public void The_measure_sees_allocations_when_a_route_does_use_them()
    {
        var snapshot = Snapshot("""{ "RequestHeaders": { "Set": { "X-Tenant": "{id}" } } }""", extra: """, "Cors": { "AllowedOrigins": [ "http://localhost:3000" ] }""");
        try
        {
            var context = Context(snapshot, origin: "http://localhost:3000");

            var bytes = AllocatedPerRequest(context);

            TestContext.Current.TestOutputHelper?.WriteLine($"CORS (allowed origin) + one header Set with a route value: {bytes} bytes per request");
            Assert.True(bytes > 0, $"{bytes} bytes per request");
        }
        finally
        {
            Dispose(snapshot);
        }
    }

    private static double AllocatedPerRequest(DefaultHttpContext context)
    {
        RequestDelegate terminal = static _ => Task.CompletedTask;
        var compression = new EdgeCompressionMiddleware(terminal);
        var transforms = new EdgeTransformsMiddleware(compression.InvokeAsync);
        var cors = new EdgeCorsMiddleware(transforms.InvokeAsync);
        cors.InvokeAsync(context).GetAwaiter().GetResult(); // warm-up: JIT and lazy statics

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Requests; i++)
        {
            cors.InvokeAsync(context).GetAwaiter().GetResult();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Requests;
    }

    private static DefaultHttpContext Context(EdgeSnapshot snapshot, string? origin)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/users/7/orders";
        context.Request.Headers.AcceptEncoding = "br, gzip";
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        context.Features.Set(new EdgeRequestState { Route = snapshot.Routes.Routes[0], UpstreamPath = "/users/7/orders" });
        return context;
    }

    private static EdgeSnapshot Snapshot(string transforms, string extra)
    {
        var json = $$"""
            { "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/users/{id}/{**rest}" }, "Transforms": {{transforms}}{{extra}} } },
              "Clusters": { "c": { "Destinations": { "a": { "Address": "http://127.0.0.1:1" } } } } }
            """;
        var result = EdgeConfigLoader.Parse(json, "edge.json");
        Assert.Empty(result.Errors);
        return EdgeSnapshot.Build(result.Config!, null, TimeProvider.System);
    }

    private static void Dispose(EdgeSnapshot snapshot)
    {
        foreach (var cluster in snapshot.Clusters.Values)
        {
            cluster.Dispose();
        }
    }
}
