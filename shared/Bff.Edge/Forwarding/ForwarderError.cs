namespace Bff.Edge.Forwarding;

/// <summary>What went wrong while forwarding one request; callers branch on it to choose a status.</summary>
public enum ForwarderError
{
    /// <summary>The exchange completed.</summary>
    None,

    /// <summary>No route matched (404).</summary>
    NoRoute,

    /// <summary>Every destination of the cluster is unhealthy (503).</summary>
    NoAvailableDestination,

    /// <summary>The upstream could not be reached: refused, unreachable, DNS or TLS failure (502).</summary>
    UpstreamConnect,

    /// <summary>The upstream broke the exchange before its response headers (502).</summary>
    UpstreamRequest,

    /// <summary>The upstream did not answer within the route's timeout (504).</summary>
    UpstreamTimeout,

    /// <summary>The client went away or reset the stream; nothing is sent.</summary>
    RequestCanceled,

    /// <summary>Reading the client's request body failed: malformed framing or too slow (400).</summary>
    RequestBodyClient,

    /// <summary>The request body exceeds the route's limit (413).</summary>
    RequestBodyTooLarge,

    /// <summary>The upstream failed or timed out in the middle of its response body; the client connection is aborted.</summary>
    ResponseBodyDestination,

    /// <summary>The client stopped reading the response body.</summary>
    ResponseBodyClient,

    /// <summary>A protocol upgrade (WebSocket) ended with an error on either side after the 101.</summary>
    Upgrade,
}
