using Bff.Edge.Forwarding;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Edge.Routing;

/// <summary>
/// Refuses request shapes a front door must never pass on, before any routing: absolute-form targets (this is not
/// a forward proxy), encoded slashes and backslashes, dot segments and control characters left in the path, and
/// a message framed by both Content-Length and Transfer-Encoding (request smuggling, RFC 9112 §6.3).
/// Kestrel itself already rejects duplicate Content-Length, obs-fold, bad chunk sizes and oversized headers.
/// </summary>
internal sealed class RequestGuardMiddleware
{
    private const string RenamedContentLength = "X-Content-Length";

    private readonly RequestDelegate _next;

    public RequestGuardMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var reason = Check(context);
        if (reason is null)
        {
            return _next(context);
        }

        // The connection's framing may be corrupt: do not reuse it (the problem writer clears a Connection header).
        context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        return ProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", reason);
    }

    internal static string? Check(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            return "Only origin-form request targets (/path) are accepted.";
        }

        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget.AsSpan() : rawTarget.AsSpan(0, queryStart);
        if (rawPath.Contains("%2f", StringComparison.OrdinalIgnoreCase) || rawPath.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return "Encoded '/' or '\\' in the path is not accepted.";
        }

        var path = request.Path.Value.AsSpan();
        if (path.IndexOfAnyInRange('\0', '\u001f') >= 0 || path.Contains('\u007f') || path.Contains('\\'))
        {
            return "Control characters and '\\' in the path are not accepted.";
        }

        if (HasDotSegment(path))
        {
            return "Dot segments in the path are not accepted.";
        }

        // Kestrel lets Transfer-Encoding win and renames the Content-Length it saw to X-Content-Length.
        if (request.Headers.TransferEncoding.Count > 0
            && (request.ContentLength is not null || request.Headers.ContainsKey(RenamedContentLength)))
        {
            return "A request must not carry both Content-Length and Transfer-Encoding.";
        }

        return null;
    }

    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        // Kestrel removes "." and ".." after decoding; this holds the line if a request reaches us some other way.
        var index = path.IndexOf("/.", StringComparison.Ordinal);
        while (index >= 0)
        {
            var rest = path[(index + 2)..];
            if (rest.IsEmpty || rest[0] == '/' || (rest[0] == '.' && (rest.Length == 1 || rest[1] == '/')))
            {
                return true;
            }

            var next = rest.IndexOf("/.", StringComparison.Ordinal);
            index = next < 0 ? -1 : index + 2 + next;
        }

        return false;
    }
}
