using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>An argument of a field or directive, or a field of an input object (spec 3.6.1, 3.10).</summary>
public sealed class InputValueDefinition : INamedItem
{
    private object? _coercedDefault;
    private bool _hasCoercedDefault;

    internal InputValueDefinition(string name, GraphQLType type, ValueNode? defaultValue, string? description, string? deprecationReason)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Description = description;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    /// <summary>The default as a literal (printed in SDL and introspection), null if there is none.</summary>
    public ValueNode? DefaultValue { get; }

    public bool HasDefaultValue => DefaultValue is not null;

    public string? Description { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The default coerced to its internal value, computed once.</summary>
    internal object? CoercedDefault
    {
        get
        {
            if (!_hasCoercedDefault)
            {
                _coercedDefault = Execution.ValueCoercion.CoerceLiteral(DefaultValue!, Type, null);
                _hasCoercedDefault = true;
            }

            return _coercedDefault;
        }
    }
}
