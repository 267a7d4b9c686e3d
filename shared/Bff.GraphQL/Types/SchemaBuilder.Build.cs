using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Resolves type references, validates the type system (spec section 3) and returns the immutable schema.</summary>
    /// <exception cref="SchemaValidationException">The schema breaks a type system rule; every problem is listed.</exception>
    public Schema Build()
    {
        _errors.Clear();
        Introspection.IntrospectionTypes.AddTo(this);

        var named = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var scalar in BuiltInScalars.All)
        {
            named[scalar.Name] = scalar;
        }

        foreach (var name in _typeOrder)
        {
            var created = CreateNamed(_types[name]);
            if (named.TryGetValue(name, out var existing) && existing is ScalarType { IsBuiltIn: true } && created is not ScalarType)
            {
                _errors.Add($"Type \"{name}\" conflicts with the built-in scalar of that name.");
            }

            named[name] = created;
        }

        foreach (var name in _typeOrder)
        {
            Fill(_types[name], named[name], named);
        }

        var directives = new List<DirectiveDefinition>(BuiltInDirectives.All);
        foreach (var node in _directiveNodes)
        {
            if (directives.Any(d => d.Name == node.Name))
            {
                if (!BuiltInDirectives.All.Any(d => d.Name == node.Name))
                {
                    _errors.Add($"Directive \"@{node.Name}\" is defined more than once.");
                }

                continue;
            }

            var args = BuildArguments(node.Arguments.Select(ToDraft), named, $"@{node.Name}");
            directives.Add(new DirectiveDefinition(node.Name, node.Description?.Value, node.Locations, args, node.Repeatable));
        }

        var query = LookupRoot(named, _queryName, "Query", required: true);
        var mutation = _mutationName is null && !_explicitRoots ? named.GetValueOrDefault("Mutation") as ObjectType : LookupRoot(named, _mutationName, "Mutation", false);
        var subscription = _subscriptionName is null && !_explicitRoots ? named.GetValueOrDefault("Subscription") as ObjectType : LookupRoot(named, _subscriptionName, "Subscription", false);
        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors.ToList());
        }

        // Built-in scalars nobody references are left out, as graphql-js does.
        var used = ReferencedTypeNames(named, directives);
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var (name, type) in named)
        {
            if (type is not ScalarType { IsBuiltIn: true } || used.Contains(name))
            {
                types[name] = type;
            }
        }

        var schema = new Schema(query!, mutation, subscription, types, directives, _description);
        var problems = SchemaValidator.Validate(schema);
        if (problems.Count > 0)
        {
            throw new SchemaValidationException(problems);
        }

        return schema;
    }

    private ObjectType? LookupRoot(Dictionary<string, NamedType> named, string? name, string operation, bool required)
    {
        if (name is null)
        {
            return null;
        }

        if (named.GetValueOrDefault(name) is ObjectType obj)
        {
            return obj;
        }

        if (required || _explicitRoots)
        {
            _errors.Add(named.ContainsKey(name)
                ? $"{operation} root type must be Object type, it cannot be {name}."
                : $"{operation} root type must be provided and be an Object type (\"{name}\" is not defined).");
        }

        return null;
    }

    private static NamedType CreateNamed(object draft) => draft switch
    {
        ObjectTypeBuilder o => new ObjectType(o.Name, o.DescriptionText) { IsTypeOf = o.IsTypeOfCheck, ClrType = o.BoundClrType, IsBuiltIn = o.Name.StartsWith("__", StringComparison.Ordinal) },
        InterfaceTypeBuilder i => new InterfaceType(i.Name, i.DescriptionText) { ResolveType = i.ResolveTypeFunc },
        UnionTypeBuilder u => new UnionType(u.Name, u.DescriptionText) { ResolveType = u.ResolveTypeFunc },
        EnumTypeBuilder e => new EnumType(e.Name, e.DescriptionText) { IsBuiltIn = e.Name.StartsWith("__", StringComparison.Ordinal) },
        InputObjectTypeBuilder i => new InputObjectType(i.Name, i.DescriptionText) { IsOneOf = i.IsOneOf },
        ScalarType s => s,
        _ => throw new InvalidOperationException("Unknown type draft."),
    };

    private void Fill(object draft, NamedType type, Dictionary<string, NamedType> named)
    {
        switch (draft, type)
        {
            case (ObjectTypeBuilder b, ObjectType o):
                FillFields(b.Fields, o.Fields, named, o.Name);
                FillInterfaces(b.InterfaceNames, o.InterfaceList, named, o.Name);
                break;
            case (InterfaceTypeBuilder b, InterfaceType i):
                FillFields(b.Fields, i.Fields, named, i.Name);
                FillInterfaces(b.InterfaceNames, i.InterfaceList, named, i.Name);
                break;
            case (UnionTypeBuilder b, UnionType u):
                foreach (var member in b.Members)
                {
                    if (named.GetValueOrDefault(member) is ObjectType obj)
                    {
                        u.TypeList.Add(obj);
                    }
                    else
                    {
                        _errors.Add(named.ContainsKey(member)
                            ? $"Union type {u.Name} can only include Object types, it cannot include {member}."
                            : $"Unknown type \"{member}\" in union {u.Name}.");
                    }
                }

                break;
            case (EnumTypeBuilder b, EnumType e):
                foreach (var (name, value, description, deprecation) in b.Values)
                {
                    e.AddValue(new EnumValueDefinition(name, value, description, deprecation));
                }

                break;
            case (InputObjectTypeBuilder b, InputObjectType i):
                foreach (var field in BuildArguments(b.Fields, named, i.Name))
                {
                    i.Fields.Add(field);
                }

                break;
        }
    }

    private void FillFields(List<FieldBuilder> drafts, NamedCollection<FieldDefinition> fields, Dictionary<string, NamedType> named, string owner)
    {
        foreach (var draft in drafts)
        {
            var type = ResolveType(draft.Type, named, $"{owner}.{draft.Name}");
            if (type is null)
            {
                continue;
            }

            var args = BuildArguments(draft.Arguments, named, $"{owner}.{draft.Name}");
            var field = new FieldDefinition(draft.Name, type, args, draft.DescriptionText, draft.DeprecationReason)
            {
                Resolver = draft.AsyncResolver,
                SyncResolver = draft.SyncResolver,
                IsBatched = draft.BatchedValue,
                UnbatchedWith = draft.UnbatchedWithValue,
            };
            if (draft.CostValue is { } cost)
            {
                field.Cost = cost;
            }

            if (draft.ListSizeValue is { } size)
            {
                field.ListSizeEstimate = size;
            }

            fields.Add(field);
        }
    }

    private void FillInterfaces(List<string> names, List<InterfaceType> target, Dictionary<string, NamedType> named, string owner)
    {
        foreach (var name in names)
        {
            if (named.GetValueOrDefault(name) is InterfaceType itf)
            {
                target.Add(itf);
            }
            else
            {
                _errors.Add(named.ContainsKey(name)
                    ? $"Type {owner} must only implement Interface types, it cannot implement {name}."
                    : $"Unknown type \"{name}\" implemented by {owner}.");
            }
        }
    }

    private NamedCollection<InputValueDefinition> BuildArguments(IEnumerable<InputValueDraft> drafts, Dictionary<string, NamedType> named, string owner)
    {
        var result = new NamedCollection<InputValueDefinition>();
        foreach (var draft in drafts)
        {
            var type = ResolveType(draft.Type, named, $"{owner}({draft.Name}:)");
            if (type is null)
            {
                continue;
            }

            var literal = draft.DefaultLiteral;
            if (draft.HasClrDefault)
            {
                literal = Execution.ValueCoercion.AstFromValue(draft.DefaultClrValue, type);
            }

            if (!result.Add(new InputValueDefinition(draft.Name, type, literal, draft.Description, draft.DeprecationReason)))
            {
                _errors.Add($"Argument \"{owner}({draft.Name}:)\" can only be defined once.");
            }
        }

        return result;
    }

    private GraphQLType? ResolveType(TypeNode node, Dictionary<string, NamedType> named, string where)
    {
        switch (node)
        {
            case NonNullTypeNode nn:
                return ResolveType(nn.Type, named, where) is { } inner ? new NonNullType(inner) : null;
            case ListTypeNode list:
                return ResolveType(list.Type, named, where) is { } item ? new ListType(item) : null;
            case NamedTypeNode n:
                if (named.TryGetValue(n.Name, out var type))
                {
                    return type;
                }

                _errors.Add($"Unknown type \"{n.Name}\" referenced by {where}.");
                return null;
            default:
                return null;
        }
    }

    private static HashSet<string> ReferencedTypeNames(Dictionary<string, NamedType> named, List<DirectiveDefinition> directives)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in named.Values)
        {
            switch (type)
            {
                case IComplexOutputType c:
                    foreach (var f in c.Fields)
                    {
                        used.Add(f.Type.Named.Name);
                        foreach (var a in f.Arguments)
                        {
                            used.Add(a.Type.Named.Name);
                        }
                    }

                    break;
                case InputObjectType i:
                    foreach (var f in i.Fields)
                    {
                        used.Add(f.Type.Named.Name);
                    }

                    break;
            }
        }

        foreach (var d in directives)
        {
            foreach (var a in d.Arguments)
            {
                used.Add(a.Type.Named.Name);
            }
        }

        return used;
    }
}
