using System.IO.Compression;

namespace Bff.Edge.Configuration;

/// <summary>
/// Response compression at the edge (brotli or gzip, by the client's Accept-Encoding) for answers the upstream did
/// not compress. Off for routes without this block.
/// </summary>
internal sealed record RouteCompressionConfig
{
    /// <summary>Default true: writing the block turns compression on.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Answers with a smaller Content-Length stay as they are (the framing would eat the gain). Default 1024 bytes.</summary>
    public long MinimumBodySize { get; init; } = 1024;

    /// <summary><c>Fastest</c> (default: brotli quality 1, gzip level 1; the proxy's CPU is the budget) or <c>Optimal</c>.</summary>
    public CompressionLevel Level { get; init; } = CompressionLevel.Fastest;
}
