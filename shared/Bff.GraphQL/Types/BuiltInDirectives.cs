using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>The directives every schema has: @include, @skip (spec 3.13.1-2), @deprecated, @specifiedBy, @oneOf.</summary>
public static class BuiltInDirectives
{
    public static DirectiveDefinition Include { get; } = Create(
        "include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [DirectiveLocations.Field, DirectiveLocations.FragmentSpread, DirectiveLocations.InlineFragment],
        Arg("if", new NonNullType(BuiltInScalars.Boolean), "Included when true."));

    public static DirectiveDefinition Skip { get; } = Create(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [DirectiveLocations.Field, DirectiveLocations.FragmentSpread, DirectiveLocations.InlineFragment],
        Arg("if", new NonNullType(BuiltInScalars.Boolean), "Skipped when true."));

    public static DirectiveDefinition Deprecated { get; } = Create(
        "deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        [DirectiveLocations.FieldDefinition, DirectiveLocations.ArgumentDefinition, DirectiveLocations.InputFieldDefinition, DirectiveLocations.EnumValue, DirectiveLocations.DirectiveDefinition],
        new InputValueDefinition(
            "reason",
            new NonNullType(BuiltInScalars.String),
            new StringValueNode(DefaultDeprecationReason, false, null),
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            null));

    public static DirectiveDefinition SpecifiedBy { get; } = Create(
        "specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        [DirectiveLocations.Scalar],
        Arg("url", new NonNullType(BuiltInScalars.String), "The URL that specifies the behavior of this scalar."));

    public static DirectiveDefinition OneOf { get; } = Create(
        "oneOf",
        "Indicates exactly one field must be supplied and this field must not be `null`.",
        [DirectiveLocations.InputObject]);

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public const string DefaultDeprecationReason = "No longer supported";

    private static InputValueDefinition Arg(string name, GraphQLType type, string description) => new(name, type, null, description, null);

    private static DirectiveDefinition Create(string name, string description, string[] locations, params InputValueDefinition[] args)
    {
        var collection = new NamedCollection<InputValueDefinition>();
        foreach (var a in args)
        {
            collection.Add(a);
        }

        return new DirectiveDefinition(name, description, locations, collection, false) { IsBuiltIn = true };
    }
}
