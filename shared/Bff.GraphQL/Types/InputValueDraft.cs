using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>An argument or input field as declared, before type references are resolved.</summary>
internal sealed class InputValueDraft(string name, TypeNode type)
{
    public string Name { get; } = name;

    public TypeNode Type { get; } = type;

    public string? Description { get; set; }

    public ValueNode? DefaultLiteral { get; set; }

    public object? DefaultClrValue { get; set; }

    public bool HasClrDefault { get; set; }

    public string? DeprecationReason { get; set; }
}
