namespace Bff.GraphQL;

/// <summary>A document that does not match the grammar; the message is shaped like graphql-js's ("Syntax Error: ...").</summary>
public sealed class GraphQLSyntaxException : GraphQLException
{
    public GraphQLSyntaxException()
    {
    }

    public GraphQLSyntaxException(string message)
        : base(message)
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphQLSyntaxException(string description, int line, int column, string code = ErrorCodes.SyntaxError)
        : base("Syntax Error: " + description, code, [new ErrorLocation(line, column)])
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
