namespace Bff.GraphQL.Language;

/// <summary>AST node: StringValue (GraphQL spec grammar production of the same name).</summary>
public sealed class StringValueNode(string value, bool block, Location? location) : ValueNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public string Value { get; } = value;

    public bool Block { get; } = block;
}
