using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Cors;

/// <summary>
/// CORS for routes with <c>Cors</c>, right after routing and before authentication (a preflight carries no
/// credentials): answers preflights itself (204 or 403, never forwarded), refuses requests from other origins with
/// 403, and on every other answer of the route replaces whatever <c>Access-Control-*</c> headers the upstream set
/// with the route's own. Routes without <c>Cors</c> pass straight through.
/// </summary>
internal sealed class EdgeCorsMiddleware
{
    private const string PreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private static readonly Func<object, Task> ApplyHeaders = ApplyResponseHeaders;

    private readonly RequestDelegate _next;

    public EdgeCorsMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var policy = context.Features.Get<EdgeRequestState>()!.Route!.Cors;
        if (policy is null)
        {
            return _next(context);
        }

        var request = context.Request;
        var origins = request.Headers.Origin;
        if (origins.Count > 1)
        {
            return RefuseAsync(context, "A request must carry at most one Origin header.");
        }

        if (origins.Count == 1)
        {
            var origin = origins.ToString();
            if (CorsPolicy.TryGetPreflightMethod(request, out var method))
            {
                return AnswerPreflightAsync(context, policy, origin, method);
            }

            // A same-origin request carries Origin too (POST, fetch): it is not cross-origin, so CORS has no say.
            if (!policy.IsOriginAllowed(origin) && !IsSameOrigin(request, origin))
            {
                return RefuseAsync(context, $"Origin '{origin}' is not allowed on this route.");
            }
        }

        context.Response.OnStarting(ApplyHeaders, context);
        return _next(context);
    }

    private static Task AnswerPreflightAsync(HttpContext context, CorsPolicy policy, string origin, string method)
    {
        if (!policy.IsOriginAllowed(origin))
        {
            return RefuseAsync(context, $"Origin '{origin}' is not allowed on this route.");
        }

        if (!policy.IsMethodAllowed(method))
        {
            return RefuseAsync(context, $"Method '{method}' is not allowed for cross-origin requests on this route.");
        }

        var requestedHeaders = context.Request.Headers.AccessControlRequestHeaders;
        if (policy.FindDisallowedHeader(requestedHeaders) is { } header)
        {
            return RefuseAsync(context, $"Request header '{header}' is not allowed for cross-origin requests on this route.");
        }

        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = StatusCodes.Status204NoContent;
        SetAllowOrigin(headers, policy, origin);
        headers.AccessControlAllowMethods = policy.AllowMethods;
        if (requestedHeaders.Count > 0)
        {
            // Every requested name passed the check above, so the list itself is the answer.
            headers.AccessControlAllowHeaders = requestedHeaders;
        }

        if (policy.MaxAge is { } maxAge)
        {
            headers.AccessControlMaxAge = maxAge;
        }

        headers.Vary = PreflightVary;
        return Task.CompletedTask;
    }

    private static Task ApplyResponseHeaders(object state)
    {
        var context = (HttpContext)state;
        var policy = context.Features.Get<EdgeRequestState>()!.Route!.Cors!;
        var headers = context.Response.Headers;

        // The edge owns CORS on this route: an upstream's own answer must not widen (or contradict) it.
        headers.Remove(HeaderNames.AccessControlAllowOrigin);
        headers.Remove(HeaderNames.AccessControlAllowCredentials);
        headers.Remove(HeaderNames.AccessControlAllowMethods);
        headers.Remove(HeaderNames.AccessControlAllowHeaders);
        headers.Remove(HeaderNames.AccessControlExposeHeaders);
        headers.Remove(HeaderNames.AccessControlMaxAge);
        if (!policy.AnyOrigin)
        {
            // Echoed origins make the answer depend on Origin, even for requests that sent none.
            VaryHeader.Append(headers, HeaderNames.Origin);
        }

        var origins = context.Request.Headers.Origin;
        if (origins.Count == 1 && policy.IsOriginAllowed(origins.ToString()))
        {
            SetAllowOrigin(headers, policy, origins.ToString());
            if (policy.ExposeHeaders is { } exposed)
            {
                headers.AccessControlExposeHeaders = exposed;
            }
        }

        return Task.CompletedTask;
    }

    private static void SetAllowOrigin(IHeaderDictionary headers, CorsPolicy policy, string origin)
    {
        headers.AccessControlAllowOrigin = policy.AnyOrigin ? "*" : origin;
        if (policy.AllowCredentials)
        {
            headers.AccessControlAllowCredentials = "true";
        }
    }

    private static bool IsSameOrigin(HttpRequest request, string origin)
    {
        var scheme = request.Scheme;
        var host = request.Host.Value;
        return host is not null
            && origin.Length == scheme.Length + 3 + host.Length
            && origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && origin.AsSpan(scheme.Length).StartsWith("://", StringComparison.Ordinal)
            && origin.AsSpan(scheme.Length + 3).Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    private static Task RefuseAsync(HttpContext context, string detail) =>
        ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
}
