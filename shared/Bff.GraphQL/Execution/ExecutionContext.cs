using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>The state of one execution: operation, fragments, coerced variables, errors and the DataLoader scope.</summary>
internal sealed partial class ExecutionContext
{
    /// <summary>Marks "this position is null and its error is already recorded": null propagation (spec 6.4.4).</summary>
    internal static readonly object Bubble = new();

    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<object, IDataLoader> _loaders = [];
    private Dictionary<string, object?>? _items;

    public ExecutionContext(
        Schema schema,
        OperationDefinitionNode operation,
        Dictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        ExecutionRequest request)
    {
        Schema = schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        RootValue = request.RootValue;
        Services = request.Services ?? EmptyServiceProvider.Instance;
        CancellationToken = request.CancellationToken;
        ItemsOverride = request.Items;
        Scope = new DataLoaderScope(request.CancellationToken);
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public object? RootValue { get; }

    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    public DataLoaderScope Scope { get; }

    private IDictionary<string, object?>? ItemsOverride { get; }

    public IDictionary<string, object?> Items => ItemsOverride ?? (_items ??= new Dictionary<string, object?>(StringComparer.Ordinal));

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public FieldDefinition? GetFieldDefinition(ObjectType type, string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[1] == '_' && ReferenceEquals(type, Schema.QueryType))
        {
            var meta = Schema.IntrospectionFields.Get(name);
            if (meta is not null)
            {
                return meta;
            }
        }

        return type.Fields[name];
    }

    public TLoader GetLoader<TLoader>()
        where TLoader : class, IDataLoader
    {
        lock (_loaders)
        {
            if (_loaders.TryGetValue(typeof(TLoader), out var existing))
            {
                return (TLoader)existing;
            }

            // Always a new instance: a loader registered as a singleton would share its cache across requests.
            var created = (TLoader)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(Services, typeof(TLoader));
            Attach(created);
            _loaders[typeof(TLoader)] = created;
            return created;
        }
    }

    public DataLoader<TKey, TValue> GetLoader<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> loadBatch)
        where TKey : notnull
    {
        lock (_loaders)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return (DataLoader<TKey, TValue>)existing;
            }

            var created = new FuncDataLoader<TKey, TValue>(loadBatch);
            Attach(created);
            _loaders[name] = created;
            return created;
        }
    }

    private void Attach(IDataLoader loader)
    {
        if (loader is IScopedDataLoader scoped)
        {
            scoped.Scope = Scope;
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
