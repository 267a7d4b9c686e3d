using System.Diagnostics;
using Bff.Edge.Forwarding;
using Bff.Edge.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.AccessLog;

/// <summary>Outermost gateway middleware: creates the per-request state and writes the access log line when the request ends.</summary>
internal sealed class AccessLogMiddleware
{
    /// <summary>Status logged when the client went away before an answer (as nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    private readonly RequestDelegate _next;
    private readonly AccessLogWriter _writer;
    private readonly TimeProvider _timeProvider;

    public AccessLogMiddleware(RequestDelegate next, AccessLogWriter writer, TimeProvider timeProvider)
    {
        _next = next;
        _writer = writer;
        _timeProvider = timeProvider;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var state = new EdgeRequestState();
        context.Features.Set(state);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            if (_writer.Enabled)
            {
                var request = context.Request;
                var status = state.Error == ForwarderError.RequestCanceled ? ClientClosedRequest : context.Response.StatusCode;
                _writer.Write(new AccessLogEntry(
                    _timeProvider.GetUtcNow(),
                    request.Method,
                    request.Path.Value ?? "/",
                    request.Protocol,
                    state.Route?.Id,
                    status,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    state.Destination?.Address,
                    state.Counters.BytesIn,
                    state.Counters.BytesOut,
                    context.Connection.RemoteIpAddress,
                    state.Counters.TraceParent,
                    state.Error == ForwarderError.None ? null : ErrorName(state.Error)));
            }
        }
    }

    private static string ErrorName(ForwarderError error) => error switch
    {
        ForwarderError.NoRoute => "NoRoute",
        ForwarderError.NoAvailableDestination => "NoAvailableDestination",
        ForwarderError.UpstreamConnect => "UpstreamConnect",
        ForwarderError.UpstreamRequest => "UpstreamRequest",
        ForwarderError.UpstreamTimeout => "UpstreamTimeout",
        ForwarderError.RequestCanceled => "RequestCanceled",
        ForwarderError.RequestBodyClient => "RequestBodyClient",
        ForwarderError.RequestBodyTooLarge => "RequestBodyTooLarge",
        ForwarderError.ResponseBodyDestination => "ResponseBodyDestination",
        ForwarderError.ResponseBodyClient => "ResponseBodyClient",
        ForwarderError.Upgrade => "Upgrade",
        _ => error.ToString(),
    };
}
