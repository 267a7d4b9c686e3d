using Bff.Edge.Forwarding;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Transforms;

/// <summary>
/// Applies a route's header and query transforms after authentication and rate limiting (so they see the client's
/// request) and before the cache and forwarding (so the cache keys what the upstream receives). Response header
/// transforms run as the answer starts, on upstream (or cached) answers only, never on the edge's own errors.
/// </summary>
internal sealed class EdgeTransformsMiddleware
{
    private static readonly Func<object, Task> ApplyResponse = ApplyResponseTransforms;

    private readonly RequestDelegate _next;

    public EdgeTransformsMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var transforms = context.Features.Get<EdgeRequestState>()!.Route!.Transforms;
        if (transforms is null)
        {
            return _next(context);
        }

        transforms.ApplyToRequest(context.Request, transforms.CaptureRouteValues(context.Request));
        if (transforms.HasResponseTransforms)
        {
            context.Response.OnStarting(ApplyResponse, context);
        }

        return _next(context);
    }

    private static Task ApplyResponseTransforms(object state)
    {
        var context = (HttpContext)state;
        var requestState = context.Features.Get<EdgeRequestState>()!;
        if (requestState.Error == ForwarderError.None)
        {
            var transforms = requestState.Route!.Transforms!;
            transforms.ApplyToResponse(context.Response.Headers, transforms.CaptureRouteValues(context.Request));
        }

        return Task.CompletedTask;
    }
}
