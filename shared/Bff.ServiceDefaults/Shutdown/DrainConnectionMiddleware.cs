using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Bff.ServiceDefaults.Shutdown;

/// <summary>
/// While draining, asks Kestrel to close each connection after its current request: HTTP/1.1 answers with
/// <c>Connection: close</c>, HTTP/2 sends GOAWAY. Behind an L4 balancer a kept-alive connection stays pinned to this
/// instance, so without this its client would keep coming back until the server stops and cuts it.
/// </summary>
internal sealed class DrainConnectionMiddleware(RequestDelegate next, ShutdownDrain drain)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (drain.IsDraining)
        {
            context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        }

        return next(context);
    }
}
