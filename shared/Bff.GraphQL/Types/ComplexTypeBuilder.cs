using Bff.GraphQL.Execution;

namespace Bff.GraphQL.Types;

/// <summary>Shared configuration of object and interface types: description, fields, implemented interfaces.</summary>
public abstract class ComplexTypeBuilder<TSelf>
    where TSelf : ComplexTypeBuilder<TSelf>
{
    private protected ComplexTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<string> InterfaceNames { get; } = [];

    internal List<FieldBuilder> Fields { get; } = [];

    public TSelf Description(string description)
    {
        DescriptionText = description;
        return (TSelf)this;
    }

    /// <summary>Declares implemented interfaces by name.</summary>
    public TSelf Implements(params string[] interfaces)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        InterfaceNames.AddRange(interfaces.Where(i => !InterfaceNames.Contains(i)));
        return (TSelf)this;
    }

    /// <summary>Adds a field (<paramref name="type"/> is a reference such as <c>"[Product!]!"</c>); without a resolver the parent's property or key of that name is used.</summary>
    public TSelf Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, Language.Parser.ParseType(type));
        configure?.Invoke(field);
        Fields.RemoveAll(f => f.Name == name);
        Fields.Add(field);
        return (TSelf)this;
    }

    /// <summary>Adds a field with a synchronous resolver.</summary>
    public TSelf Field(string name, string type, Func<IResolverContext, object?> resolve)
        => Field(name, type, f => f.Resolve(resolve));

    /// <summary>Adds a field with an asynchronous resolver.</summary>
    public TSelf Field(string name, string type, Func<IResolverContext, ValueTask<object?>> resolve)
        => Field(name, type, f => f.ResolveAsync(resolve));

    internal FieldBuilder GetOrAddField(string name, Language.TypeNode type)
    {
        var existing = Fields.Find(f => f.Name == name);
        if (existing is not null)
        {
            existing.Type = type;
            return existing;
        }

        var field = new FieldBuilder(name, type);
        Fields.Add(field);
        return field;
    }
}
