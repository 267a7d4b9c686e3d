using System.Diagnostics;
using Bff.Edge.AccessLog;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Edge.RequestGuard;

/// <summary>
/// The first middleware of every request: refuses, with 400 and a closed connection, what Kestrel accepts but a
/// stricter or laxer server behind the edge could read differently (RFC 9110 §5, RFC 9112 §6-7): header names that
/// are not tokens, control characters in values, a missing or empty Host, a fragment in the target, Transfer-Encoding
/// other than exactly <c>chunked</c> (or in HTTP/1.0), and on HTTP/1.1 connections what
/// <see cref="RawFramingInspector"/> found in the raw bytes (Content-Length not <c>1*DIGIT</c>, bare LF line ends,
/// malformed chunk extensions or trailers). It also tells the inspector where this request's body ends.
/// </summary>
internal sealed class StrictRequestMiddleware
{
    private readonly RequestDelegate _next;
    private readonly AccessLogWriter _accessLog;
    private readonly TimeProvider _timeProvider;

    public StrictRequestMiddleware(RequestDelegate next, AccessLogWriter accessLog, TimeProvider timeProvider)
    {
        _next = next;
        _accessLog = accessLog;
        _timeProvider = timeProvider;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var chunked = request.Headers.TransferEncoding.Count > 0;
        var inspector = context.Features.Get<RawFramingInspector>();
        var reason = inspector?.TakeHeadError() ?? Check(context);
        if (reason is null && inspector is not null)
        {
            if (chunked)
            {
                reason = inspector.ChunkedBody();
            }
            else
            {
                inspector.BodyOfLength(request.ContentLength ?? 0);
            }
        }

        return reason is null ? _next(context) : RefuseAsync(context, reason, started);
    }

    /// <summary>The checks on what Kestrel parsed; null when the request passes.</summary>
    internal static string? Check(HttpContext context)
    {
        var request = context.Request;
        foreach (var header in request.Headers)
        {
            if (!HttpToken.IsToken(header.Key))
            {
                return "Header field names must be tokens (RFC 9110 §5.1).";
            }

            foreach (var value in header.Value)
            {
                if (value is not null && RawSyntax.HasForbiddenFieldValueChar(value))
                {
                    return "Header field values must not contain control characters other than HTAB (RFC 9110 §5.5).";
                }
            }
        }

        var host = request.Headers.Host;
        if (host.Count != 1 || string.IsNullOrEmpty(host[0]))
        {
            return "A request must carry exactly one non-empty Host (RFC 9112 §3.2).";
        }

        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget.Contains('#', StringComparison.Ordinal) == true)
        {
            return "A request target must not contain a fragment (RFC 9112 §3.2).";
        }

        var codings = request.Headers.TransferEncoding;
        if (codings.Count > 0)
        {
            if (codings.Count != 1 || !string.Equals(codings[0], "chunked", StringComparison.OrdinalIgnoreCase))
            {
                return "Transfer-Encoding must be exactly 'chunked' (RFC 9112 §6.1).";
            }

            if (HttpProtocol.IsHttp10(request.Protocol))
            {
                return "Transfer-Encoding is not accepted in an HTTP/1.0 request (RFC 9112 §6.1).";
            }
        }

        return null;
    }

    private Task RefuseAsync(HttpContext context, string reason, long started)
    {
        // The framing of what follows on this connection is in doubt: never read another request from it. (A
        // Connection header would not do: the problem writer clears the response headers.)
        context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        if (_accessLog.Enabled)
        {
            var request = context.Request;
            _accessLog.Write(new AccessLogEntry(
                _timeProvider.GetUtcNow(), request.Method, request.Path.Value ?? "/", request.Protocol, null, StatusCodes.Status400BadRequest,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, 0, 0, context.Connection.RemoteIpAddress, null, "RequestRefused"));
        }

        return ProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", reason);
    }
}
