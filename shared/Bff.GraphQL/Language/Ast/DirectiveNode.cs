namespace Bff.GraphQL.Language;

/// <summary>AST node: Directive (GraphQL spec grammar production of the same name).</summary>
public sealed class DirectiveNode(string name, IReadOnlyList<ArgumentNode> arguments, Location? location) : SyntaxNode(location)
{
    /// <inheritdoc />
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public string Name { get; } = name;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
}
