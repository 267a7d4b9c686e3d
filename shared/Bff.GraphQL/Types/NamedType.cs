namespace Bff.GraphQL.Types;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override NamedType Named => this;

    /// <summary>True for types the spec defines (built-in scalars and introspection types): not printed in SDL.</summary>
    public bool IsBuiltIn { get; internal set; }

    public override string ToString() => Name;
}
