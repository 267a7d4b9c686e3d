namespace Bff.Edge.Upstream;

/// <summary>The upstream closed the connection without answering a byte: on a kept-alive connection, it closed it while idle.</summary>
internal sealed class UpstreamClosedException() : IOException("the upstream closed the connection before answering");
