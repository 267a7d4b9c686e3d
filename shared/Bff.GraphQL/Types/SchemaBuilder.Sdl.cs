using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Adds type-system definitions and extensions written in SDL; bind resolvers with <see cref="Resolve"/> or by extending the types in code.</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        var document = Parser.Parse(sdl);
        foreach (var definition in document.Definitions)
        {
            AddDefinition(definition);
        }

        return this;
    }

    private void AddDefinition(DefinitionNode definition)
    {
        switch (definition)
        {
            case SchemaDefinitionNode schema:
                _description = schema.Description?.Value ?? _description;
                SetRoots(schema.OperationTypes);
                break;
            case SchemaExtensionNode ext:
                SetRoots(ext.OperationTypes);
                break;
            case ScalarTypeDefinitionNode scalar:
                Scalar(new ScalarType(scalar.Name, scalar.Description?.Value, specifiedByUrl: StringArgument(scalar.Directives, "specifiedBy", "url")));
                break;
            case ObjectTypeDefinitionNode obj:
                Object(obj.Name, t => FillComplex(t, obj.Description, obj.Interfaces, obj.Fields));
                break;
            case ObjectTypeExtensionNode obj:
                Object(obj.Name, t => FillComplex(t, null, obj.Interfaces, obj.Fields));
                break;
            case InterfaceTypeDefinitionNode itf:
                Interface(itf.Name, t => FillComplex(t, itf.Description, itf.Interfaces, itf.Fields));
                break;
            case InterfaceTypeExtensionNode itf:
                Interface(itf.Name, t => FillComplex(t, null, itf.Interfaces, itf.Fields));
                break;
            case UnionTypeDefinitionNode union:
                Union(union.Name, u => FillUnion(u, union.Description, union.Types));
                break;
            case UnionTypeExtensionNode union:
                Union(union.Name, u => FillUnion(u, null, union.Types));
                break;
            case EnumTypeDefinitionNode e:
                Enum(e.Name, b => FillEnum(b, e.Description, e.Values));
                break;
            case EnumTypeExtensionNode e:
                Enum(e.Name, b => FillEnum(b, null, e.Values));
                break;
            case InputObjectTypeDefinitionNode input:
                InputObject(input.Name, b => FillInput(b, input.Description, input.Directives, input.Fields));
                break;
            case InputObjectTypeExtensionNode input:
                InputObject(input.Name, b => FillInput(b, null, input.Directives, input.Fields));
                break;
            case DirectiveDefinitionNode directive:
                _directiveNodes.Add(directive);
                break;
            case ScalarTypeExtensionNode:
                break;
            default:
                throw new ArgumentException($"SDL may not contain executable definitions ({definition.Kind}).", nameof(definition));
        }
    }

    private void SetRoots(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var op in operationTypes)
        {
            _explicitRoots = true;
            switch (op.Operation)
            {
                case OperationType.Query: _queryName = op.Type.Name; break;
                case OperationType.Mutation: _mutationName = op.Type.Name; break;
                default: _subscriptionName = op.Type.Name; break;
            }
        }
    }

    private static void FillComplex<T>(ComplexTypeBuilder<T> builder, StringValueNode? description, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
        where T : ComplexTypeBuilder<T>
    {
        if (description is not null)
        {
            builder.Description(description.Value);
        }

        builder.Implements(interfaces.Select(i => i.Name).ToArray());
        foreach (var f in fields)
        {
            var field = builder.GetOrAddField(f.Name, f.Type);
            if (f.Description is not null)
            {
                field.Description(f.Description.Value);
            }

            if (Deprecation(f.Directives) is { } reason)
            {
                field.Deprecated(reason);
            }

            field.Arguments.Clear();
            field.Arguments.AddRange(f.Arguments.Select(ToDraft));
        }
    }

    private static void FillUnion(UnionTypeBuilder builder, StringValueNode? description, IReadOnlyList<NamedTypeNode> types)
    {
        if (description is not null)
        {
            builder.Description(description.Value);
        }

        builder.Types(types.Select(t => t.Name).ToArray());
    }

    private static void FillEnum(EnumTypeBuilder builder, StringValueNode? description, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        if (description is not null)
        {
            builder.Description(description.Value);
        }

        foreach (var v in values)
        {
            builder.Value(v.Name, null, v.Description?.Value, Deprecation(v.Directives));
        }
    }

    private static void FillInput(InputObjectTypeBuilder builder, StringValueNode? description, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields)
    {
        if (description is not null)
        {
            builder.Description(description.Value);
        }

        if (directives.Any(d => d.Name == "oneOf"))
        {
            builder.OneOf();
        }

        foreach (var f in fields)
        {
            builder.Fields.RemoveAll(x => x.Name == f.Name);
            builder.Fields.Add(ToDraft(f));
        }
    }

    private static InputValueDraft ToDraft(InputValueDefinitionNode node) => new(node.Name, node.Type)
    {
        Description = node.Description?.Value,
        DefaultLiteral = node.DefaultValue,
        DeprecationReason = Deprecation(node.Directives),
    };

    private static string? Deprecation(IReadOnlyList<DirectiveNode> directives)
    {
        var d = directives.FirstOrDefault(x => x.Name == "deprecated");
        if (d is null)
        {
            return null;
        }

        return StringArgument(directives, "deprecated", "reason") ?? BuiltInDirectives.DefaultDeprecationReason;
    }

    private static string? StringArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument)
    {
        var d = directives.FirstOrDefault(x => x.Name == directive);
        return d?.Arguments.FirstOrDefault(a => a.Name == argument)?.Value is StringValueNode s ? s.Value : null;
    }
}
