namespace Bff.GraphQL.Language;

/// <summary>Base of every AST node; <see cref="Location"/> is null for nodes built in code.</summary>
public abstract class SyntaxNode(Location? location)
{
    /// <summary>Which node this is, for switch-based visitors.</summary>
    public abstract SyntaxKind Kind { get; }

    /// <summary>Where the node starts and ends in the source.</summary>
    public Location? Location { get; } = location;

    /// <summary>Prints the node back to GraphQL source text.</summary>
    public override string ToString() => Printer.Print(this);
}
