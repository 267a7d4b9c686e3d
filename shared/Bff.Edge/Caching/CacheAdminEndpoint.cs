using System.Globalization;
using System.Net;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Caching;

/// <summary>
/// <c>DELETE /_edge/cache[?route=ID[&amp;path=/x]]</c>: purges all entries, a route's, or one path's of a route (any
/// query, variant or subject), in this process and in the shared tier. Loopback callers only (and not relayed by a
/// proxy: no <c>X-Forwarded-For</c> / <c>Forwarded</c>), with the key in
/// <c>X-Admin-Key</c> (compared in constant time). Answers <c>{"local":N,"shared":N|null}</c>, or problem+json:
/// 403 not loopback, 401 key missing or wrong, 400 bad query, 404 unknown route.
/// </summary>
internal static class CacheAdminEndpoint
{
    public const string Path = "/_edge/cache";
    public const string KeyHeader = "X-Admin-Key";
    public const string KeyEnvironmentVariable = "EDGE_CACHE_ADMIN_KEY";

    /// <summary>Maps the endpoint when an admin key is configured; without one there is nothing to map.</summary>
    public static IEndpointRouteBuilder MapEdgeCacheAdmin(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<CacheAdminKey>() is not { } key)
        {
            return endpoints;
        }

        endpoints.MapDelete(Path, (HttpContext context) => PurgeAsync(context, key));
        return endpoints;
    }

    private static async Task PurgeAsync(HttpContext context, CacheAdminKey key)
    {
        // A loopback peer that carries forwarding headers is a proxy on this host relaying someone else's request.
        var headers = context.Request.Headers;
        if (!IsLoopback(context.Connection.RemoteIpAddress)
            || headers.ContainsKey(ForwardedHeaders.XForwardedFor)
            || headers.ContainsKey(ForwardedHeaders.Forwarded))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The cache admin endpoint answers loopback callers only.").ConfigureAwait(false);
            return;
        }

        if (!key.Matches(headers[KeyHeader].ToString()))
        {
            context.Response.Headers.WWWAuthenticate = KeyHeader;
            await ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", $"A valid {KeyHeader} header is required.").ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        foreach (var name in query.Keys)
        {
            if (name is not ("route" or "path"))
            {
                await BadRequestAsync(context, $"Unknown query parameter '{name}'; only 'route' and 'path' are taken.").ConfigureAwait(false);
                return;
            }
        }

        if (query["route"].Count > 1 || query["path"].Count > 1)
        {
            await BadRequestAsync(context, "Give 'route' and 'path' at most once each.").ConfigureAwait(false);
            return;
        }

        var route = query["route"].Count == 1 ? query["route"].ToString() : null;
        var path = query["path"].Count == 1 ? query["path"].ToString() : null;
        if (route is { Length: 0 })
        {
            await BadRequestAsync(context, "'route' must not be empty.").ConfigureAwait(false);
            return;
        }

        if (path is not null && route is null)
        {
            await BadRequestAsync(context, "'path' needs 'route': paths are purged per route.").ConfigureAwait(false);
            return;
        }

        if (path is not null && (!path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal) || path.Any(c => c <= ' ')))
        {
            await BadRequestAsync(context, "'path' must be a request path as clients send it: starting with '/', no query, no spaces.").ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        if (route is not null && !services.GetRequiredService<EdgeConfigProvider>().Current.Config.Routes.ContainsKey(route))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", $"No route '{route}' in the current config.").ConfigureAwait(false);
            return;
        }

        var (local, shared) = await services.GetRequiredService<ResponseCache>().PurgeAsync(route, path, context.RequestAborted).ConfigureAwait(false);
        CacheLog.Purged(services.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.Edge.Caching"), route ?? "*", path ?? "*", local, shared ?? -1);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        var sharedText = shared?.ToString(CultureInfo.InvariantCulture) ?? "null";
        await context.Response.WriteAsync($"{{\"local\":{local},\"shared\":{sharedText}}}", context.RequestAborted).ConfigureAwait(false);
    }

    private static Task BadRequestAsync(HttpContext context, string detail) =>
        ProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", detail);

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
