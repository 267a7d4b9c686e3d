namespace Bff.Edge.Upstream;

/// <summary>What the exchange needs from a parsed response head: the status and how the body is framed.</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Framing">How the body ends.</param>
/// <param name="ContentLength">The declared length, or -1.</param>
/// <param name="KeepAlive">Whether the connection may carry another exchange after this one.</param>
internal readonly record struct Http1ResponseHead(int StatusCode, Http1BodyFraming Framing, long ContentLength, bool KeepAlive);
