namespace Bff.Edge.Upstream;

/// <summary>How the upstream's response body is delimited (RFC 9112 §6.3).</summary>
internal enum Http1BodyFraming
{
    /// <summary>HEAD, 1xx, 204, 304: no body whatever the headers say.</summary>
    None,

    /// <summary>Exactly Content-Length bytes.</summary>
    ContentLength,

    /// <summary>Transfer-Encoding ending in chunked.</summary>
    Chunked,

    /// <summary>Until the upstream closes the connection.</summary>
    UntilClose,
}
