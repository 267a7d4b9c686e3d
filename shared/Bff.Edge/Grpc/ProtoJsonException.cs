namespace Bff.Edge.Grpc;

/// <summary>
/// Unwinds the recursive converters to their entry point, which turns it into an error result; it never leaves
/// <see cref="ProtoJsonReader"/> or <see cref="ProtoJsonWriter"/>.
/// </summary>
internal sealed class ProtoJsonException(string message) : Exception(message);
