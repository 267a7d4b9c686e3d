using System.Security.Cryptography;
using System.Text;
using Bff.Edge.Headers;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Caching;

/// <summary>
/// Builds cache keys: <c>{route} {path} {scheme}://{host} {query}</c>, then <c>u:{subject}</c> for a personal
/// answer. The path is the request target's as received and the query the one forwarded (neither can hold a
/// space, so the separators are unambiguous). The scheme and host are the ones the upstream is told in <c>X-Forwarded-Proto/-Host</c>: the
/// request's own, since the forwarder replaces an untrusted client's <c>X-Forwarded-*</c>, or a trusted proxy's.
/// Every other request header is unkeyed, so it must not reach the answer unless the upstream names it in <c>Vary</c>.
/// </summary>
internal static class CacheKeys
{
    /// <summary>The prefix every key of <paramref name="routeId"/> (and, when given, <paramref name="path"/>) starts with; purges match on it.</summary>
    public static string Prefix(string routeId, string? path) =>
        path is null ? routeId + " " : string.Concat(routeId, " ", path, " ");

    /// <summary>The request's path as the client sent it (the keys' path part), without the query.</summary>
    public static string PathOf(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is not null && target.StartsWith('/'))
        {
            var q = target.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? target : target[..q];
        }

        return context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
    }

    public static string Build(string routeId, HttpContext context, RouteCacheConfig config, bool trustedClient, EdgeIdentity? identity)
    {
        var request = context.Request;
        var path = PathOf(context);

        // The query as the upstream will get it: as received, or as the route's query transforms left it.
        var query = config.VaryByQuery ? request.QueryString.Value ?? string.Empty : string.Empty;

        var scheme = request.Scheme;
        var host = request.Host.Value ?? string.Empty;
        if (trustedClient)
        {
            scheme = First(request.Headers[ForwardedHeaders.XForwardedProto]) ?? scheme;
            host = First(request.Headers[ForwardedHeaders.XForwardedHost]) ?? host;
        }

        var subject = config.Public ? null : Subject(request, identity);
        return subject is null
            ? string.Concat([routeId, " ", path, " ", scheme, "://", host, " ", query])
            : string.Concat([routeId, " ", path, " ", scheme, "://", host, " ", query, " ", subject]);
    }

    /// <summary>
    /// Who a personal answer belongs to: the verified edge identity, else (routes without <c>Auth</c>) a hash of the
    /// raw <c>Authorization</c> and <c>Cookie</c> values, so two credentials or sessions never share an entry and no
    /// token or cookie sits in memory or Redis. Cookies count because upstreams personalise on them and rarely say
    /// so in <c>Vary</c>.
    /// </summary>
    private static string? Subject(HttpRequest request, EdgeIdentity? identity)
    {
        if (identity is not null)
        {
            return string.Concat("u:", identity.ClientId, "/", identity.Subject);
        }

        var authorization = request.Headers[HeaderNames.Authorization];
        var cookie = request.Headers[HeaderNames.Cookie];
        if (authorization.Count == 0 && cookie.Count == 0)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(authorization.ToString(), "\n", cookie.ToString())), hash);
        return "a:" + Convert.ToBase64String(hash);
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
