namespace Bff.GraphQL;

/// <summary>
/// Thrown by a resolver to report an error with a chosen code and extensions; the executor turns it
/// into a field error. Also thrown by the parser for syntax errors.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException()
        : this("GraphQL error")
    {
    }

    public GraphQLException(string message)
        : this(message, (string?)null)
    {
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphQLException(string message, string? code, IReadOnlyList<ErrorLocation>? locations = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Locations = locations;
        Extensions = extensions;
    }

    /// <summary>Machine-readable code placed in <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>Where in the document the problem is, if known.</summary>
    public IReadOnlyList<ErrorLocation>? Locations { get; }

    /// <summary>Extra extension entries besides <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Converts to a response error.</summary>
    public GraphQLError ToError(IReadOnlyList<object>? path = null)
    {
        Dictionary<string, object?>? ext = null;
        if (Code is not null || Extensions is not null)
        {
            ext = Extensions is null ? [] : new Dictionary<string, object?>(Extensions);
            if (Code is not null)
            {
                ext["code"] = Code;
            }
        }

        return new GraphQLError(Message, Locations, path, ext, this);
    }
}
