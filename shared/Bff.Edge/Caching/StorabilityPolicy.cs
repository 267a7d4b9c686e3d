using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Caching;

/// <summary>
/// Whether an upstream answer may be stored by a shared cache, and for how long (RFC 9111 §3 and §4.2), within
/// the route's bounds. Runs once per miss, never on a hit.
/// </summary>
internal static class StorabilityPolicy
{
    /// <summary>
    /// Decides for the response as it is about to start. Returns null when storable (with its freshness lifetime,
    /// already reduced by the upstream's <c>Age</c>), otherwise a short reason for <c>Cache-Status: detail=</c>.
    /// </summary>
    public static string? Decide(HttpResponse response, RouteCacheConfig config, DateTimeOffset now, out TimeSpan freshness, out long initialAge)
    {
        freshness = TimeSpan.Zero;
        initialAge = 0;

        // Heuristically cacheable statuses (RFC 9110 §15.1) the edge keeps: success, permanent redirect, and the
        // "gone/not here" answers that shield the upstream from repeated misses. 206 and 304 need more than a
        // whole-answer store, so they pass through.
        if (response.StatusCode is not (200 or 203 or 204 or 301 or 404 or 410))
        {
            return "status";
        }

        var headers = response.Headers;
        if (headers.SetCookie.Count > 0)
        {
            return "set-cookie";
        }

        if (headers.Vary.Count > 0 && VaryRules.IsStar(headers.Vary))
        {
            return "vary-star";
        }

        if (response.ContentLength is { } length && length > config.MaxBodySize)
        {
            return "too-big";
        }

        TimeSpan? lifetime = null;
        if (headers.CacheControl.Count > 0)
        {
            if (!CacheControlHeaderValue.TryParse(headers.CacheControl.ToString(), out var cacheControl))
            {
                return "cache-control";
            }

            // no-cache would need a revalidation per use, private a per-user cache: neither is what this cache is.
            if (cacheControl.NoStore)
            {
                return "no-store";
            }

            if (cacheControl.Private)
            {
                return "private";
            }

            if (cacheControl.NoCache)
            {
                return "no-cache";
            }

            lifetime = cacheControl.SharedMaxAge ?? cacheControl.MaxAge;
        }

        if (lifetime is null && headers.Expires.Count > 0)
        {
            // An Expires that does not parse means "already expired" (RFC 9111 §5.3).
            if (!HeaderUtilities.TryParseDate(headers.Expires.ToString(), out var expires))
            {
                return "expired";
            }

            var date = HeaderUtilities.TryParseDate(headers.Date.ToString(), out var sent) ? sent : now;
            lifetime = expires - date;
        }

        if (headers.Age.Count > 0 && long.TryParse(headers.Age.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age))
        {
            initialAge = age;
        }

        // What is left of the upstream's lifetime once its Age is counted, kept here no longer than the route's Ttl;
        // an answer that names no lifetime gets the Ttl (the route's opt-in is the heuristic, RFC 9111 §4.2.2).
        var remaining = lifetime is { } explicitLifetime ? explicitLifetime - TimeSpan.FromSeconds(initialAge) : config.Ttl;
        freshness = remaining < config.Ttl ? remaining : config.Ttl;
        return freshness > TimeSpan.Zero ? null : "expired";
    }
}
