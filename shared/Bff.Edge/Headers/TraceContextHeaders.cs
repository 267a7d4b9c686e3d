using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Headers;

/// <summary>
/// W3C trace context (traceparent/tracestate) and X-Request-Id for the upstream request. When the gateway has a
/// current activity (tracing on) the upstream's parent is that activity; otherwise the client's traceparent passes
/// through unchanged, or a fresh one is started so every request can be followed.
/// </summary>
internal static class TraceContextHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string RequestId = "X-Request-Id";

    /// <summary>True for traceparent and tracestate, which <see cref="Apply"/> writes (the header copier skips them).</summary>
    public static bool IsTraceContextHeader(string name) => name.Length switch
    {
        10 => name.Equals(TraceState, StringComparison.OrdinalIgnoreCase),
        11 => name.Equals(TraceParent, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Adds the headers and returns the traceparent sent upstream (for the access log).</summary>
    public static string Apply<TSink>(HttpContext context, ref TSink sink)
        where TSink : IHeaderSink
    {
        var requestHeaders = context.Request.Headers;
        string traceParent;
        var activity = Activity.Current;
        if (activity is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            traceParent = id;
            sink.Add(TraceParent, id);
            if (activity.TraceStateString is { } state)
            {
                sink.Add(TraceState, state);
            }
        }
        else if (requestHeaders.TryGetValue(TraceParent, out var incoming) && incoming.Count == 1 && IsValidTraceParent(incoming.ToString()))
        {
            traceParent = incoming.ToString();
            sink.Add(TraceParent, traceParent);
            if (requestHeaders.TryGetValue(TraceState, out var incomingState) && incomingState.Count > 0)
            {
                sink.Add(TraceState, incomingState);
            }
        }
        else
        {
            // A missing or malformed traceparent starts a new trace; a tracestate without its parent means nothing.
            traceParent = NewTraceParent();
            sink.Add(TraceParent, traceParent);
        }

        if (!requestHeaders.ContainsKey(RequestId))
        {
            sink.Add(RequestId, context.TraceIdentifier);
        }

        return traceParent;
    }

    // One string: formatting the ids separately and concatenating them would allocate three per request.
    private static string NewTraceParent() => string.Create(55, 0, static (chars, _) =>
    {
        Span<byte> id = stackalloc byte[16];
        "00-".CopyTo(chars);
        ActivityTraceId.CreateRandom().CopyTo(id);
        Convert.TryToHexStringLower(id, chars.Slice(3, 32), out _);
        chars[35] = '-';
        ActivitySpanId.CreateRandom().CopyTo(id[..8]);
        Convert.TryToHexStringLower(id[..8], chars.Slice(36, 16), out _);
        "-00".CopyTo(chars[52..]);
    });

    /// <summary>The 32-hex trace id inside a traceparent, or empty.</summary>
    public static ReadOnlySpan<char> TraceIdOf(string? traceParent) =>
        traceParent is { Length: >= 55 } ? traceParent.AsSpan(3, 32) : default;

    // version "-" trace-id "-" parent-id "-" flags: 2 + 1 + 32 + 1 + 16 + 1 + 2 hex characters.
    private static bool IsValidTraceParent(string value) =>
        value.Length >= 55 && value[2] == '-' && value[35] == '-' && value[52] == '-'
        && !value.AsSpan(3, 32).ContainsAnyExcept("0123456789abcdef")
        && !value.AsSpan(3, 32).SequenceEqual("00000000000000000000000000000000");
}
