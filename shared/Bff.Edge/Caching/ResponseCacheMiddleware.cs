using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Bff.Edge.Hosting;
using Bff.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Caching;

/// <summary>
/// Per-route response caching, just before forwarding (so authentication and rate limits still apply to hits).
/// A hit is answered here; concurrent misses for one key wait for the first one's fetch; a miss streams to its
/// client while <see cref="CacheFill"/> captures it, and is stored once complete if the upstream allows it.
/// </summary>
internal sealed class ResponseCacheMiddleware(RequestDelegate next, ResponseCache cache, TrustedProxies trustedProxies, CacheMetrics metrics)
{
    // Ages up to 10 minutes as ready-made strings: a hit allocates no header values.
    private static readonly string[] AgeStrings = Enumerable.Range(0, 600).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // Not async itself: a route without a cache passes on without an async state machine per request.
    public Task InvokeAsync(HttpContext context)
    {
        var state = context.Features.Get<EdgeRequestState>()!;
        return state.Route!.Config.Cache is { Enabled: true } config ? CacheAsync(context, state, config) : next(context);
    }

    private async Task CacheAsync(HttpContext context, EdgeRequestState state, RouteCacheConfig config)
    {
        var route = state.Route!;
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            context.Response.Headers[CacheStatus.HeaderName] = CacheStatus.BypassMethod;
            metrics.Bypassed();
            await next(context).ConfigureAwait(false);

            // RFC 9111 §4.4: a write that succeeded makes what is stored for its URI stale, on every instance.
            if (!HttpMethods.IsOptions(request.Method) && !HttpMethods.IsTrace(request.Method) && context.Response.StatusCode is >= 200 and < 400)
            {
                await cache.PurgeAsync(route.Id, CacheKeys.PathOf(context), CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        // A body on a GET, or a range: the answer is not the resource's whole representation.
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.Headers.Range.Count > 0)
        {
            context.Response.Headers[CacheStatus.HeaderName] = CacheStatus.BypassRequest;
            metrics.Bypassed();
            await next(context).ConfigureAwait(false);
            return;
        }

        var key = CacheKeys.Build(route.Id, context, config, trustedProxies.Contains(context.Connection.RemoteIpAddress), context.Features.Get<EdgeIdentity>());
        var lookup = await cache.LookupAsync(key, request.Headers, localOnly: false, context.RequestAborted).ConfigureAwait(false);
        if (lookup.Entry is { } hit)
        {
            metrics.Served(collapsed: false);
            await ServeAsync(context, state, hit, CacheStatus.Hit, isHead).ConfigureAwait(false);
            return;
        }

        // A HEAD answer has no body to store; a later GET fills the entry HEAD can then use.
        if (isHead)
        {
            context.Response.Headers[CacheStatus.HeaderName] = CacheStatus.ForwardedOnly(lookup.Miss);
            metrics.Forwarded(lookup.Miss);
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!cache.TryBeginFetch(key, out var wait))
        {
            if (await WaitForFetchAsync(wait, route.Timeout, context.RequestAborted).ConfigureAwait(false))
            {
                lookup = await cache.LookupAsync(key, request.Headers, localOnly: true, context.RequestAborted).ConfigureAwait(false);
                if (lookup.Entry is { } collapsed)
                {
                    metrics.Served(collapsed: true);
                    await ServeAsync(context, state, collapsed, CacheStatus.HitCollapsed, isHead: false).ConfigureAwait(false);
                    return;
                }
            }

            // The other fetch stored nothing this request can use (not storable, another variant, failed): go on our own.
            await FetchAsync(context, state, config, key, lookup.Miss).ConfigureAwait(false);
            return;
        }

        try
        {
            // The previous fetch may have ended between our lookup and our claim.
            lookup = await cache.LookupAsync(key, request.Headers, localOnly: true, context.RequestAborted).ConfigureAwait(false);
            if (lookup.Entry is { } justStored)
            {
                metrics.Served(collapsed: true);
                await ServeAsync(context, state, justStored, CacheStatus.HitCollapsed, isHead: false).ConfigureAwait(false);
                return;
            }

            await FetchAsync(context, state, config, key, lookup.Miss).ConfigureAwait(false);
        }
        finally
        {
            cache.EndFetch(key);
        }
    }

    private static async Task<bool> WaitForFetchAsync(Task wait, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await wait.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task FetchAsync(HttpContext context, EdgeRequestState state, RouteCacheConfig config, string key, MissKind miss)
    {
        metrics.Forwarded(miss);
        var response = context.Response;
        var fill = new CacheFill(context, config, miss, cache.TimeProvider.GetUtcNow());
        var original = response.Body;
        response.Body = fill.Capture;
        response.OnStarting(static f => { ((CacheFill)f).Decide(); return Task.CompletedTask; }, fill);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        fill.Decide();
        if (fill.NotStoredReason is not null || !fill.Capture.Capturing || state.Error != ForwarderError.None || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var body = fill.Capture.ToArray();
        if (response.ContentLength is { } length && length != body.Length)
        {
            return;
        }

        var storedAt = cache.TimeProvider.GetUtcNow();
        var entry = new CacheEntry(response.StatusCode, fill.Headers, body, storedAt, storedAt + fill.Freshness, fill.InitialAge);
        await cache.StoreAsync(key, entry, fill.VaryNames, context.Request.Headers).ConfigureAwait(false);
        metrics.Stored();
    }

    private Task ServeAsync(HttpContext context, EdgeRequestState state, CacheEntry entry, string status, bool isHead)
    {
        var response = context.Response;
        var headers = response.Headers;
        var age = entry.AgeAt(cache.TimeProvider.GetUtcNow());
        headers.Age = age < AgeStrings.Length ? AgeStrings[age] : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[CacheStatus.HeaderName] = status;

        // The client holds this very representation: 304 with the validators and caching headers only (RFC 9110 §15.4.5).
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0 && entry.StatusCode == StatusCodes.Status200OK && ConditionalRequest.Matches(ifNoneMatch, entry))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var (name, values) in entry.Headers)
            {
                if (ConditionalRequest.IsKeptOnNotModified(name))
                {
                    headers[name] = values;
                }
            }

            return Task.CompletedTask;
        }

        response.StatusCode = entry.StatusCode;
        foreach (var (name, values) in entry.Headers)
        {
            headers[name] = values;
        }

        if (entry.StatusCode == StatusCodes.Status204NoContent)
        {
            return Task.CompletedTask;
        }

        response.ContentLength = entry.Body.Length;
        if (isHead || entry.Body.Length == 0)
        {
            return Task.CompletedTask;
        }

        state.Counters.BytesOut += entry.Body.Length;
        return response.Body.WriteAsync(entry.Body, context.RequestAborted).AsTask();
    }
}
