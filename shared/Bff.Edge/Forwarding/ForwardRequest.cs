namespace Bff.Edge.Forwarding;

/// <summary>Where and how to forward one request.</summary>
/// <param name="DestinationPrefix">Destination address without trailing slash, e.g. <c>http://127.0.0.1:5101</c>.</param>
/// <param name="Path">Upstream path, decoded (the forwarder encodes it); the client's query string is appended as received.</param>
/// <param name="KeepOriginalHost">Send the client's Host instead of the destination's authority.</param>
/// <param name="ActivityTimeout">Longest wait for the response headers and between two body reads.</param>
/// <param name="Version">Upstream HTTP version.</param>
/// <param name="VersionPolicy">Whether the handler may settle on another version.</param>
public readonly record struct ForwardRequest(
    string DestinationPrefix,
    string Path,
    bool KeepOriginalHost,
    TimeSpan ActivityTimeout,
    Version Version,
    HttpVersionPolicy VersionPolicy);
