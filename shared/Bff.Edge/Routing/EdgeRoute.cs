using Bff.Edge.Configuration;
using Bff.Edge.Cors;
using Bff.Edge.Health;
using Bff.Edge.Transforms;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Routing;

/// <summary>
/// A route compiled at load: parsed template, method/host/header conditions, path transform, the cluster it
/// feeds and its limits. Immutable and shared by all requests of one config snapshot.
/// </summary>
internal sealed class EdgeRoute
{
    /// <summary>Upstream activity timeout when the route sets none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    private readonly string[]? _methods;
    private readonly HostMatcher? _hosts;
    private readonly (string Name, string[] Values, HeaderMatchMode Mode)[]? _headers;

    public EdgeRoute(string id, RouteConfig config, ClusterState cluster)
    {
        Id = id;
        Config = config;
        Cluster = cluster;
        PathTemplate.TryParse(config.Match!.Path!, out var template, out var error);
        Template = template ?? throw new InvalidOperationException(error);
        Transform = PathTransform.Create(config.Transforms, Template);
        _methods = config.Match.Methods is { Count: > 0 } methods ? [.. methods] : null;
        _hosts = config.Match.Hosts is { Count: > 0 } hosts ? new HostMatcher(hosts) : null;
        _headers = config.Match.Headers is { Count: > 0 } headers
            ? headers.Select(h => (h.Name!, h.Values?.ToArray() ?? [], h.Mode)).ToArray()
            : null;
        Timeout = config.Timeout ?? DefaultTimeout;
        Cors = config.Cors is { } cors ? CorsPolicy.Create(cors) : null;
        Transforms = RouteTransforms.Create(config.Transforms, Template);
    }

    public string Id { get; }

    public RouteConfig Config { get; }

    public ClusterState Cluster { get; }

    public PathTemplate Template { get; }

    public PathTransform Transform { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The route's CORS policy, or null when the edge leaves CORS to the upstream.</summary>
    public CorsPolicy? Cors { get; }

    /// <summary>Header and query transforms (the path rewrite is <see cref="Transform"/>), or null when the route has none.</summary>
    public RouteTransforms? Transforms { get; }

    public bool KeepOriginalHost => Config.Transforms.HostHeader == HostHeaderMode.Original;

    /// <summary>True when the request satisfies every condition; fills the template's captures.</summary>
    public bool Matches(HttpRequest request, ReadOnlySpan<char> path, Span<Range> captures)
    {
        if (_methods is not null && !MatchesMethod(request.Method) && !IsPreflightForListedMethod(request))
        {
            return false;
        }

        if (_hosts is not null && !_hosts.Matches(request.Host))
        {
            return false;
        }

        if (_headers is not null && !MatchesHeaders(request.Headers))
        {
            return false;
        }

        return Template.TryMatch(path, captures);
    }

    private bool MatchesMethod(string method)
    {
        foreach (var candidate in _methods!)
        {
            // Kestrel interns well-known methods, so the reference check usually settles it.
            if (ReferenceEquals(candidate, method) || string.Equals(candidate, method, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A CORS preflight (OPTIONS) stands for the method it asks about, so a GET/POST route still takes its preflights.
    private bool IsPreflightForListedMethod(HttpRequest request) =>
        Cors is not null && CorsPolicy.TryGetPreflightMethod(request, out var method) && MatchesMethod(method);

    private bool MatchesHeaders(IHeaderDictionary headers)
    {
        foreach (var (name, values, mode) in _headers!)
        {
            if (!headers.TryGetValue(name, out var actual) || actual.Count == 0)
            {
                return false;
            }

            if (values.Length == 0)
            {
                continue;
            }

            var found = false;
            foreach (var value in actual)
            {
                if (value is not null && Array.Exists(values, v => mode == HeaderMatchMode.Contains
                    ? value.Contains(v, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(v, value, StringComparison.OrdinalIgnoreCase)))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
