namespace Bff.GraphQL.Types;

/// <summary>An input object type (spec 3.10); with <see cref="IsOneOf"/> exactly one field must be given (@oneOf).</summary>
public sealed class InputObjectType : NamedType
{
    internal InputObjectType(string name, string? description)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    public NamedCollection<InputValueDefinition> Fields { get; } = new();

    public bool IsOneOf { get; internal set; }
}
