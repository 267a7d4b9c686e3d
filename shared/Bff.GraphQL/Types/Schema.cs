using Bff.GraphQL.Introspection;

namespace Bff.GraphQL.Types;

/// <summary>
/// A validated, immutable schema (spec section 3.3): the root operation types, every named type
/// reachable from them, and the directives. Build one with <see cref="SchemaBuilder"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];
    private readonly Dictionary<Type, ObjectType> _byClrType = [];

    internal Schema(
        ObjectType query,
        ObjectType? mutation,
        ObjectType? subscription,
        Dictionary<string, NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        _types = types;
        Directives = directives;
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        Description = description;
        Types = types.Values.ToList();

        foreach (var type in Types)
        {
            if (type is ObjectType obj)
            {
                if (obj.ClrType is not null)
                {
                    _byClrType.TryAdd(obj.ClrType, obj);
                }

                foreach (var iface in AllInterfaces(obj.Interfaces))
                {
                    AddSubType(iface, obj);
                }
            }
            else if (type is InterfaceType itf)
            {
                foreach (var iface in AllInterfaces(itf.Interfaces))
                {
                    AddSubType(iface, itf);
                }
            }
            else if (type is UnionType union)
            {
                foreach (var member in union.Types)
                {
                    AddSubType(union, member);
                }
            }
        }

        foreach (var (abstractType, subs) in _subTypes)
        {
            _possibleTypes[abstractType] = subs.OfType<ObjectType>().ToList();
        }

        IntrospectionFields = new IntrospectionFields(this);
    }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    public string? Description { get; }

    /// <summary>All named types, including built-in scalars and introspection types.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    internal IntrospectionFields IntrospectionFields { get; }

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(Language.OperationType operation) => operation switch
    {
        Language.OperationType.Query => QueryType,
        Language.OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types that can appear where an abstract type is expected (or the type itself for objects).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is ObjectType o)
        {
            return [o];
        }

        return _possibleTypes.GetValueOrDefault(type) ?? [];
    }

    /// <summary>True if <paramref name="maybeSubType"/> implements (or is a member of) <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
        => _subTypes.TryGetValue(abstractType, out var subs) && subs.Contains(maybeSubType);

    /// <summary>Finds the object type registered for a CLR type (or a base type of it).</summary>
    internal ObjectType? GetTypeForClr(Type clrType)
    {
        for (var t = clrType; t is not null; t = t.BaseType)
        {
            if (_byClrType.TryGetValue(t, out var obj))
            {
                return obj;
            }
        }

        return null;
    }

    /// <summary>Prints the schema as SDL (graphql-js printSchema layout).</summary>
    public string ToSdl() => Utilities.SchemaPrinter.Print(this);

    private void AddSubType(NamedType abstractType, NamedType sub)
    {
        if (!_subTypes.TryGetValue(abstractType, out var set))
        {
            _subTypes[abstractType] = set = [];
        }

        set.Add(sub);
    }

    private static IEnumerable<InterfaceType> AllInterfaces(IReadOnlyList<InterfaceType> direct)
    {
        var seen = new HashSet<InterfaceType>();
        var stack = new Stack<InterfaceType>(direct);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            if (seen.Add(i))
            {
                yield return i;
                foreach (var parent in i.Interfaces)
                {
                    stack.Push(parent);
                }
            }
        }
    }
}
