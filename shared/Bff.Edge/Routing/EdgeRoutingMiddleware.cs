using Bff.Edge.Forwarding;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Edge.Routing;

/// <summary>
/// Matches the request against the current snapshot's routes, records the route (as <see cref="IEdgeRouteFeature"/>)
/// and the upstream path, and applies the route's body limit. Per-route policies (authentication, rate limiting)
/// run after this middleware and before forwarding.
/// </summary>
internal sealed class EdgeRoutingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EdgeConfigProvider _configProvider;

    public EdgeRoutingMiddleware(RequestDelegate next, EdgeConfigProvider configProvider)
    {
        _next = next;
        _configProvider = configProvider;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var state = context.Features.Get<EdgeRequestState>()!;
        var route = Match(_configProvider.Current, context.Request, out var upstreamPath);
        if (route is null)
        {
            state.Error = ForwarderError.NoRoute;
            var (status, title, detail) = ProblemWriter.Describe(ForwarderError.NoRoute);
            return ProblemWriter.WriteAsync(context, status, title, detail);
        }

        state.Route = route;
        state.UpstreamPath = upstreamPath;
        context.Features.Set<IEdgeRouteFeature>(state);

        if (route.Config.MaxRequestBodySize is { } max)
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = max;
            }

            if (context.Request.ContentLength > max)
            {
                state.Error = ForwarderError.RequestBodyTooLarge;
                var (status, title, detail) = ProblemWriter.Describe(ForwarderError.RequestBodyTooLarge);
                return ProblemWriter.WriteAsync(context, status, title, detail);
            }
        }

        return _next(context);
    }

    /// <summary>Routes one request (synchronous so captures can live on the stack).</summary>
    internal static EdgeRoute? Match(EdgeSnapshot snapshot, HttpRequest request, out string? upstreamPath)
    {
        var path = NormalizePath(request.Path.Value);
        Span<Range> captures = stackalloc Range[PathTemplate.MaxParameters];
        var route = snapshot.Routes.Match(request, path, captures);
        upstreamPath = route?.Transform.Apply(path, captures);
        return route;
    }

    /// <summary>The path routes match on: "/" when empty, runs of '/' merged (as nginx's merge_slashes: "//x" must never read as an authority upstream).</summary>
    internal static string NormalizePath(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : path.Contains("//", StringComparison.Ordinal) ? MergeSlashes(path) : path;

    private static string MergeSlashes(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '/' || i == 0 || path[i - 1] != '/')
            {
                builder.Append(path[i]);
            }
        }

        return builder.ToString();
    }
}
