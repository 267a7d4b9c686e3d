namespace Bff.GraphQL.Types;

/// <summary>The schema breaks the type system rules of the spec; <see cref="Errors"/> lists every problem.</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
        : this([])
    {
    }

    public SchemaValidationException(string message)
        : this([message])
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public SchemaValidationException(IReadOnlyList<string> errors)
        : base("Invalid schema:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
