namespace Bff.Edge.Grpc;

/// <summary>
/// Unwinds the recursive converters to their entry point, which turns it into an error result; it never leaves
/// <see cref="ProtoJsonReader"/> or <see cref="ProtoJsonWriter"/>.
/// </summary>
internal sealed class ProtoJsonException(string message) : Exception(message)
{
    /// <summary>
    /// The JSON path of the offending value below the entry point (<c>.items[2].id</c>), prepended level by level
    /// as the exception unwinds: a valid request never formats a path.
    /// </summary>
    public string Path { get; private set; } = string.Empty;

    public ProtoJsonException Within(string segment)
    {
        Path = segment + Path;
        return this;
    }
}
