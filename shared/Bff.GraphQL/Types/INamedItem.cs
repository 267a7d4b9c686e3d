namespace Bff.GraphQL.Types;

/// <summary>Something looked up by name: fields, arguments, enum values.</summary>
public interface INamedItem
{
    string Name { get; }
}
