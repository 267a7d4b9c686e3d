using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Edge.Compression;

/// <summary>
/// Response compression for routes with <c>Compression</c>, outside the response cache (which so stores and
/// serves uncompressed bytes) and inside CORS and transforms. Routes without it and HEAD requests pass straight
/// through.
/// </summary>
internal sealed class EdgeCompressionMiddleware
{
    private readonly RequestDelegate _next;

    public EdgeCompressionMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var settings = context.Features.Get<EdgeRequestState>()!.Route!.Config.Compression;
        if (settings is not { Enabled: true })
        {
            return _next(context);
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return _next(context);
        }

        // A client without Accept-Encoding still goes through the decision: it gets identity, and caches downstream
        // get the same Vary: Accept-Encoding as on every other eligible answer.
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var body = new CompressionBody(context, original, AcceptEncoding.Select(context.Request.Headers.AcceptEncoding), settings);
        return InvokeCompressedAsync(context, original, body);
    }

    private async Task InvokeCompressedAsync(HttpContext context, IHttpResponseBodyFeature original, CompressionBody body)
    {
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // Also after a failure: the compressor holds native memory until disposed.
                await body.FinishAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The client is gone; the forwarder has already recorded why.
            }

            context.Features.Set(original);
        }
    }
}
