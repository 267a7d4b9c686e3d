using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mobile.Bff.Caching;

/// <summary>
/// A 200 JSON answer with an <c>ETag</c> over its body, or a bodiless 304 when the app already holds that body
/// (<c>If-None-Match</c>). Screens are personal or change often: <c>private, no-cache</c> lets the app keep the
/// body but makes it revalidate every time, which costs a 304 of a few bytes instead of the payload.
/// </summary>
internal sealed class ETaggedJsonResult<T>(T value, JsonTypeInfo<T> typeInfo) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var etag = EntityTag.Compute(body);
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "private, no-cache";
        if (EntityTag.Matches(httpContext.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
