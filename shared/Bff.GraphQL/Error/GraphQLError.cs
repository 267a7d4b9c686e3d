using Bff.GraphQL.Language;

namespace Bff.GraphQL;

/// <summary>
/// One entry of a response's <c>errors</c> list (spec section 7.1.2): a message, where in the
/// document it arose, which response path it belongs to, and machine-readable extensions.
/// </summary>
public sealed class GraphQLError
{
    /// <summary>Creates an error.</summary>
    public GraphQLError(
        string message,
        IReadOnlyList<ErrorLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? exception = null)
    {
        Message = message;
        Locations = locations;
        Path = path;
        Extensions = extensions;
        Exception = exception;
    }

    /// <summary>Human-readable description (spec: <c>message</c>).</summary>
    public string Message { get; }

    /// <summary>Line/column pairs of the document nodes that caused the error.</summary>
    public IReadOnlyList<ErrorLocation>? Locations { get; }

    /// <summary>Response path (field names and list indices) of the field that failed.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra data; <c>code</c> carries the machine-readable error code.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception a resolver threw, never serialized.</summary>
    public Exception? Exception { get; }

    /// <summary>The validation rule that reported this error, null for other errors; never serialized.</summary>
    public string? Rule { get; init; }

    /// <summary>The <c>extensions.code</c> value, if any.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var c) ? c as string : null;

    /// <summary>Builds an error pointing at AST nodes and carrying a code.</summary>
    public static GraphQLError At(string message, string? code, params ReadOnlySpan<SyntaxNode?> nodes)
    {
        List<ErrorLocation>? locations = null;
        foreach (var node in nodes)
        {
            if (node?.Location is { } l)
            {
                (locations ??= []).Add(new ErrorLocation(l.Line, l.Column));
            }
        }

        return new GraphQLError(message, locations, null, code is null ? null : new Dictionary<string, object?> { ["code"] = code });
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
