using BenchmarkDotNet.Attributes;
using Bff.Edge.Configuration;
using Bff.Edge.Hosting;
using Bff.Edge.Routing;
using Microsoft.AspNetCore.Http;

namespace Bff.Benchmarks.Edge;

/// <summary>
/// Route matching of the edge gateway over the local suite's route table: the work done per request before
/// forwarding (template match, path transform). Expected: no allocation unless the path is rewritten.
/// </summary>
[MemoryDiagnoser]
public class EdgeRoutingBenchmarks
{
    private EdgeSnapshot _snapshot = null!;
    private DefaultHttpContext _graphql = null!;
    private DefaultHttpContext _partner = null!;
    private DefaultHttpContext _mobileStripped = null!;
    private DefaultHttpContext _miss = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = EdgeConfigLoader.LoadFile(LocalConfigPath()).Config!;
        var routes = new Dictionary<string, RouteConfig>(config.Routes)
        {
            ["mobile-stripped"] = new RouteConfig
            {
                ClusterId = "mobile-bff",
                Match = new RouteMatchConfig { Path = "/m/{**rest}" },
                Transforms = new RouteTransformsConfig { PathRemovePrefix = "/m" },
            },
        };
        _snapshot = EdgeSnapshot.Build(config with { Routes = routes }, null, TimeProvider.System);
        _graphql = Request("POST", "/graphql");
        _partner = Request("GET", "/partner/v2/orders/7");
        _mobileStripped = Request("GET", "/m/products/42");
        _miss = Request("GET", "/nothing/here");
    }

    [Benchmark(Baseline = true)]
    public object? Graphql() => EdgeRoutingMiddleware.Match(_snapshot, _graphql.Request, out _);

    [Benchmark]
    public object? PartnerCatchAll() => EdgeRoutingMiddleware.Match(_snapshot, _partner.Request, out _);

    [Benchmark]
    public object? PrefixStripped() => EdgeRoutingMiddleware.Match(_snapshot, _mobileStripped.Request, out _);

    [Benchmark]
    public object? NoRoute() => EdgeRoutingMiddleware.Match(_snapshot, _miss.Request, out _);

    private static DefaultHttpContext Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Host = new HostString("localhost:8443");
        return context;
    }

    private static string LocalConfigPath()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "edge.local.json")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new FileNotFoundException("run from inside the repository: config/edge.local.json not found")
            : Path.Combine(directory.FullName, "config", "edge.local.json");
    }
}
