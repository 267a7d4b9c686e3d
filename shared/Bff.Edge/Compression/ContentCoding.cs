namespace Bff.Edge.Compression;

/// <summary>The content codings the edge produces (RFC 9110 §8.4.1), and <see cref="Identity"/> for none.</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}
