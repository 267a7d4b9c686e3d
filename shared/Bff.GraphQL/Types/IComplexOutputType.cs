namespace Bff.GraphQL.Types;

/// <summary>Object and interface types: types with fields and implemented interfaces.</summary>
public interface IComplexOutputType
{
    string Name { get; }

    NamedCollection<FieldDefinition> Fields { get; }

    IReadOnlyList<InterfaceType> Interfaces { get; }
}
