using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Introspection;

/// <summary>The introspection types of spec section 4.2 (__Schema, __Type, ...), declared with the schema builder over the type model.</summary>
internal static class IntrospectionTypes
{
    public static void AddTo(SchemaBuilder builder)
    {
        builder
            .Object("__Schema", t => t
                .Description("A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
                .Field("description", "String", c => c.Parent<Schema>().Description)
                .Field("types", "[__Type!]!", c => c.Parent<Schema>().Types)
                .Field("queryType", "__Type!", c => c.Parent<Schema>().QueryType)
                .Field("mutationType", "__Type", c => c.Parent<Schema>().MutationType)
                .Field("subscriptionType", "__Type", c => c.Parent<Schema>().SubscriptionType)
                .Field("directives", "[__Directive!]!", c => c.Parent<Schema>().Directives))
            .Object("__Type", t => t
                .Description("The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.")
                .Field("kind", "__TypeKind!", c => c.Parent<GraphQLType>().Kind)
                .Field("name", "String", c => (c.Source as NamedType)?.Name)
                .Field("description", "String", c => (c.Source as NamedType)?.Description)
                .Field("specifiedByURL", "String", c => (c.Source as ScalarType)?.SpecifiedByUrl)
                .Field("fields", "[__Field!]", f => f.Argument("includeDeprecated", "Boolean", false).Resolve(c =>
                    c.Source is IComplexOutputType complex ? Visible(complex.Fields, c.Argument<bool>("includeDeprecated"), x => x.IsDeprecated) : null))
                .Field("interfaces", "[__Type!]", c => (c.Source as IComplexOutputType)?.Interfaces)
                .Field("possibleTypes", "[__Type!]", c => c.Source is NamedType { IsAbstract: true } n ? c.Schema.GetPossibleTypes(n) : null)
                .Field("enumValues", "[__EnumValue!]", f => f.Argument("includeDeprecated", "Boolean", false).Resolve(c =>
                    c.Source is EnumType e ? Visible(e.Values, c.Argument<bool>("includeDeprecated"), x => x.IsDeprecated) : null))
                .Field("inputFields", "[__InputValue!]", f => f.Argument("includeDeprecated", "Boolean", false).Resolve(c =>
                    c.Source is InputObjectType i ? Visible(i.Fields, c.Argument<bool>("includeDeprecated"), x => x.IsDeprecated) : null))
                .Field("ofType", "__Type", c => c.Source switch
                {
                    NonNullType n => n.OfType,
                    ListType l => l.OfType,
                    _ => null,
                })
                .Field("isOneOf", "Boolean", c => c.Source is InputObjectType i ? i.IsOneOf : null))
            .Object("__Field", t => t
                .Description("Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
                .Field("name", "String!", c => c.Parent<FieldDefinition>().Name)
                .Field("description", "String", c => c.Parent<FieldDefinition>().Description)
                .Field("args", "[__InputValue!]!", f => f.Argument("includeDeprecated", "Boolean", false).Resolve(c =>
                    Visible(c.Parent<FieldDefinition>().Arguments, c.Argument<bool>("includeDeprecated"), x => x.IsDeprecated)))
                .Field("type", "__Type!", c => c.Parent<FieldDefinition>().Type)
                .Field("isDeprecated", "Boolean!", c => c.Parent<FieldDefinition>().IsDeprecated)
                .Field("deprecationReason", "String", c => c.Parent<FieldDefinition>().DeprecationReason))
            .Object("__InputValue", t => t
                .Description("Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
                .Field("name", "String!", c => c.Parent<InputValueDefinition>().Name)
                .Field("description", "String", c => c.Parent<InputValueDefinition>().Description)
                .Field("type", "__Type!", c => c.Parent<InputValueDefinition>().Type)
                .Field("defaultValue", "String", c => c.Parent<InputValueDefinition>().DefaultValue is { } d ? Printer.Print(d) : null)
                .Field("isDeprecated", "Boolean!", c => c.Parent<InputValueDefinition>().IsDeprecated)
                .Field("deprecationReason", "String", c => c.Parent<InputValueDefinition>().DeprecationReason))
            .Object("__EnumValue", t => t
                .Description("One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
                .Field("name", "String!", c => c.Parent<EnumValueDefinition>().Name)
                .Field("description", "String", c => c.Parent<EnumValueDefinition>().Description)
                .Field("isDeprecated", "Boolean!", c => c.Parent<EnumValueDefinition>().IsDeprecated)
                .Field("deprecationReason", "String", c => c.Parent<EnumValueDefinition>().DeprecationReason))
            .Object("__Directive", t => t
                .Description("A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.")
                .Field("name", "String!", c => c.Parent<DirectiveDefinition>().Name)
                .Field("description", "String", c => c.Parent<DirectiveDefinition>().Description)
                .Field("isRepeatable", "Boolean!", c => c.Parent<DirectiveDefinition>().IsRepeatable)
                .Field("locations", "[__DirectiveLocation!]!", c => c.Parent<DirectiveDefinition>().Locations)
                .Field("args", "[__InputValue!]!", f => f.Argument("includeDeprecated", "Boolean", false).Resolve(c =>
                    Visible(c.Parent<DirectiveDefinition>().Arguments, c.Argument<bool>("includeDeprecated"), x => x.IsDeprecated))))
            .Enum("__TypeKind", e =>
            {
                e.Description("An enum describing what kind of type a given `__Type` is.");
                e.Value("SCALAR", TypeKind.Scalar, "Indicates this type is a scalar.")
                    .Value("OBJECT", TypeKind.Object, "Indicates this type is an object. `fields` and `interfaces` are valid fields.")
                    .Value("INTERFACE", TypeKind.Interface, "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.")
                    .Value("UNION", TypeKind.Union, "Indicates this type is a union. `possibleTypes` is a valid field.")
                    .Value("ENUM", TypeKind.Enum, "Indicates this type is an enum. `enumValues` is a valid field.")
                    .Value("INPUT_OBJECT", TypeKind.InputObject, "Indicates this type is an input object. `inputFields` is a valid field.")
                    .Value("LIST", TypeKind.List, "Indicates this type is a list. `ofType` is a valid field.")
                    .Value("NON_NULL", TypeKind.NonNull, "Indicates this type is a non-null. `ofType` is a valid field.");
            })
            .Enum("__DirectiveLocation", e =>
            {
                e.Description("A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
                foreach (var location in DirectiveLocations.All)
                {
                    e.Value(location);
                }
            });
    }

    private static List<T> Visible<T>(IEnumerable<T> items, bool includeDeprecated, Func<T, bool> isDeprecated)
        => includeDeprecated ? items.ToList() : items.Where(i => !isDeprecated(i)).ToList();
}
