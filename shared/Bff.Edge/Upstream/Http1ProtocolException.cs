namespace Bff.Edge.Upstream;

/// <summary>The upstream's answer broke HTTP/1.1 framing or syntax; the exchange fails with 502 and the connection is closed.</summary>
internal sealed class Http1ProtocolException(string message) : Exception(message);
