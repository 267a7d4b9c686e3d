using System.Globalization;
using System.Text.Json.Nodes;
using Bff.Edge.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Caching;

/// <summary>
/// A test upstream whose answers the query string shapes (<c>cc</c>: Cache-Control, <c>vary</c>, <c>cookie</c>,
/// <c>etag</c>, <c>age</c>, <c>status</c>, <c>size</c>: body bytes, <c>delay</c>: ms before answering, <c>chunked</c>), and whose body says
/// which call it is and what it saw: <c>n=3 xfh=host auth=token lang=de</c>. Unkeyed request headers echoed in
/// the body make any poisoning visible.
/// </summary>
internal static class CachingUpstream
{
    public static Task<TestUpstream> StartAsync() => TestUpstream.StartAsync("cache", HandleAsync);

    /// <summary>An edge with one catch-all route to <paramref name="upstream"/> and the given <c>Cache</c> block.</summary>
    public static JsonObject EdgeConfig(TestUpstream upstream, JsonObject? cache = null, JsonObject? caching = null)
    {
        var config = EdgeHost.SingleRoute("/{**path}", upstream.Url);
        config["Routes"]!["r1"]!["Cache"] = cache ?? new JsonObject { ["Ttl"] = "00:01:00" };
        if (caching is not null)
        {
            config["Caching"] = caching;
        }

        return config;
    }

    private static async Task HandleAsync(HttpContext context, TestUpstream upstream)
    {
        var query = context.Request.Query;
        if (query.TryGetValue("delay", out var delay))
        {
            await Task.Delay(int.Parse(delay!, CultureInfo.InvariantCulture));
        }

        var response = context.Response;
        if (query.TryGetValue("status", out var status))
        {
            response.StatusCode = int.Parse(status!, CultureInfo.InvariantCulture);
        }

        if (query.TryGetValue("cc", out var cacheControl))
        {
            response.Headers.CacheControl = cacheControl;
        }

        if (query.TryGetValue("vary", out var vary))
        {
            response.Headers.Vary = vary;
        }

        if (query.TryGetValue("etag", out var etag))
        {
            response.Headers.ETag = $"\"{etag}\"";
        }

        if (query.TryGetValue("age", out var age))
        {
            response.Headers.Age = age;
        }

        if (query.ContainsKey("cookie"))
        {
            response.Headers.SetCookie = "session=abc; Path=/";
        }

        response.ContentType = "text/plain";
        var request = context.Request.Headers;
        var text = $"n={upstream.Count} xfh={request["X-Forwarded-Host"]} auth={request.Authorization} lang={request.AcceptLanguage}";
        if (query.TryGetValue("size", out var size))
        {
            text = text.PadRight(int.Parse(size!, CultureInfo.InvariantCulture), '.');
        }

        var body = System.Text.Encoding.UTF8.GetBytes(text);
        if (!query.ContainsKey("chunked"))
        {
            response.ContentLength = body.Length;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // In pieces, so large bodies really stream through the edge.
        for (var offset = 0; offset < body.Length; offset += 8192)
        {
            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(8192, body.Length - offset)));
        }
    }
}
