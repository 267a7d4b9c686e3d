namespace Bff.GraphQL.Types;

/// <summary>A directive definition (spec 3.13).</summary>
public sealed class DirectiveDefinition : INamedItem
{
    internal DirectiveDefinition(string name, string? description, IReadOnlyList<string> locations, NamedCollection<InputValueDefinition> arguments, bool isRepeatable)
    {
        Name = name;
        Description = description;
        Locations = locations;
        Arguments = arguments;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<string> Locations { get; }

    public NamedCollection<InputValueDefinition> Arguments { get; }

    public bool IsRepeatable { get; }

    /// <summary>True for @include, @skip, @deprecated, @specifiedBy, @oneOf.</summary>
    public bool IsBuiltIn { get; internal set; }
}
