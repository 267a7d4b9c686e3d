namespace Bff.Edge.Forwarding;

/// <summary>What one forwarded exchange moved, for the access log.</summary>
public sealed class ForwardingCounters
{
    /// <summary>Request body bytes read from the client.</summary>
    public long BytesIn { get; set; }

    /// <summary>Response body bytes written to the client.</summary>
    public long BytesOut { get; set; }

    /// <summary>The traceparent sent upstream.</summary>
    public string? TraceParent { get; set; }
}
