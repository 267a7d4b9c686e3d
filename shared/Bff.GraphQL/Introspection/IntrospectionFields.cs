using Bff.GraphQL.Types;

namespace Bff.GraphQL.Introspection;

/// <summary>The meta-fields __schema and __type (spec 4.1) available on the query root type.</summary>
internal sealed class IntrospectionFields
{
    public IntrospectionFields(Schema schema)
    {
        var schemaType = (ObjectType)schema.GetType("__Schema")!;
        var typeType = (ObjectType)schema.GetType("__Type")!;
        SchemaField = new FieldDefinition("__schema", new NonNullType(schemaType), NamedCollection<InputValueDefinition>.Empty, "Access the current type schema of this server.", null)
        {
            SyncResolver = c => c.Schema,
        };

        var args = new NamedCollection<InputValueDefinition>();
        args.Add(new InputValueDefinition("name", new NonNullType(BuiltInScalars.String), null, null, null));
        TypeField = new FieldDefinition("__type", typeType, args, "Request the type information of a single type.", null)
        {
            SyncResolver = c => c.Schema.GetType(c.Argument<string>("name")),
        };

        TypeNameField = new FieldDefinition("__typename", new NonNullType(BuiltInScalars.String), NamedCollection<InputValueDefinition>.Empty, "The name of the current Object type at runtime.", null);
    }

    public FieldDefinition SchemaField { get; }

    public FieldDefinition TypeField { get; }

    public FieldDefinition TypeNameField { get; }

    public FieldDefinition? Get(string name) => name switch
    {
        "__schema" => SchemaField,
        "__type" => TypeField,
        _ => null,
    };
}
