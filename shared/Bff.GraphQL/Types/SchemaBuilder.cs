namespace Bff.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> code-first, from SDL, or both:
/// <code>
/// var schema = new SchemaBuilder()
///     .Query(q => q.Field("product", "Product", f => f.Argument("id", "ID!").ResolveAsync(ctx => ...)))
///     .Object("Product", t => t.Field("id", "ID!").Field("name", "String!"))
///     .Build();
/// </code>
/// Type references are written as in SDL (<c>"[Product!]!"</c>) and resolved at <see cref="Build"/>,
/// which also validates the schema against the spec's type system rules.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly Dictionary<string, object> _types = new(StringComparer.Ordinal);
    private readonly List<string> _typeOrder = [];
    private readonly List<Language.DirectiveDefinitionNode> _directiveNodes = [];
    private readonly List<string> _errors = [];
    private string? _description;
    private string _queryName = "Query";
    private string? _mutationName;
    private string? _subscriptionName;
    private bool _explicitRoots;

    /// <summary>Sets the schema description.</summary>
    public SchemaBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Configures the query root type (named Query).</summary>
    public SchemaBuilder Query(Action<ObjectTypeBuilder> configure) => Object(_queryName, configure);

    /// <summary>Configures the mutation root type (named Mutation).</summary>
    public SchemaBuilder Mutation(Action<ObjectTypeBuilder> configure)
    {
        _mutationName ??= "Mutation";
        return Object(_mutationName, configure);
    }

    /// <summary>Adds or extends an object type.</summary>
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(GetOrAdd(name, n => new ObjectTypeBuilder(n)));
        return this;
    }

    /// <summary>Adds or extends an interface type.</summary>
    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(GetOrAdd(name, n => new InterfaceTypeBuilder(n)));
        return this;
    }

    /// <summary>Adds or extends a union type.</summary>
    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(GetOrAdd(name, n => new UnionTypeBuilder(n)));
        return this;
    }

    /// <summary>Adds or extends an enum type.</summary>
    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(GetOrAdd(name, n => new EnumTypeBuilder(n)));
        return this;
    }

    /// <summary>Adds an enum whose values are the members of a CLR enum, named in UPPER_SNAKE_CASE.</summary>
    public SchemaBuilder Enum<TEnum>(string? name = null)
        where TEnum : struct, Enum
    {
        return Enum(name ?? typeof(TEnum).Name, e =>
        {
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                e.Value(ToUpperSnake(value.ToString()), value);
            }
        });
    }

    /// <summary>Adds or extends an input object type.</summary>
    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(GetOrAdd(name, n => new InputObjectTypeBuilder(n)));
        return this;
    }

    /// <summary>Adds a custom scalar.</summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (!_types.ContainsKey(scalar.Name))
        {
            _typeOrder.Add(scalar.Name);
        }

        _types[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Sets a synchronous resolver on a field declared elsewhere (e.g. in SDL).</summary>
    public SchemaBuilder Resolve(string typeName, string fieldName, Func<Execution.IResolverContext, object?> resolver)
        => Object(typeName, t => FindField(t, fieldName).Resolve(resolver));

    /// <summary>Sets an asynchronous resolver on a field declared elsewhere (e.g. in SDL).</summary>
    public SchemaBuilder ResolveAsync(string typeName, string fieldName, Func<Execution.IResolverContext, ValueTask<object?>> resolver)
        => Object(typeName, t => FindField(t, fieldName).ResolveAsync(resolver));

    private FieldBuilder FindField(ObjectTypeBuilder type, string fieldName)
    {
        var field = type.Fields.Find(f => f.Name == fieldName);
        if (field is null)
        {
            throw new InvalidOperationException($"Field \"{type.Name}.{fieldName}\" is not declared.");
        }

        return field;
    }

    private T GetOrAdd<T>(string name, Func<string, T> create)
        where T : class
    {
        if (_types.TryGetValue(name, out var existing))
        {
            if (existing is T typed)
            {
                return typed;
            }

            throw new InvalidOperationException($"Type \"{name}\" is already declared as a different kind.");
        }

        var created = create(name);
        _types[name] = created;
        _typeOrder.Add(name);
        return created;
    }

    private static string ToUpperSnake(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(name[i]));
        }

        return sb.ToString();
    }
}
