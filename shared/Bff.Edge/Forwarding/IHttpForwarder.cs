using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Forwarding;

/// <summary>
/// Forwards one incoming request to one destination and streams the answer back. On failure before the response
/// started it writes nothing and returns the error, so the caller chooses the problem response.
/// </summary>
public interface IHttpForwarder
{
    /// <summary>Forwards <paramref name="context"/>'s request through <paramref name="invoker"/>.</summary>
    ValueTask<ForwarderError> SendAsync(HttpContext context, HttpMessageInvoker invoker, ForwardRequest request, ForwardingCounters counters);
}
