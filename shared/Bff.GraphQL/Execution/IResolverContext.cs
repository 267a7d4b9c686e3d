using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>What a resolver sees: its parent value, arguments, request services, cancellation and per-request state.</summary>
public interface IResolverContext
{
    /// <summary>The parent object (the value the parent field resolved to; the root value for root fields).</summary>
    object? Source { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition Field { get; }

    /// <summary>The object type the field belongs to.</summary>
    ObjectType ParentType { get; }

    /// <summary>The first field node of this field in the document (aliases, directives, sub-selections).</summary>
    FieldNode Selection { get; }

    Schema Schema { get; }

    /// <summary>Coerced argument values (defaults applied); absent arguments have no entry.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Request services (the ASP.NET Core request scope over HTTP).</summary>
    IServiceProvider Services { get; }

    /// <summary>Signalled when the request is aborted or the execution timeout elapses.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Per-request state shared by all resolvers (e.g. the current user).</summary>
    IDictionary<string, object?> Items { get; }

    /// <summary>The response path of this field (field names and list indices).</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>The parent object cast to <typeparamref name="T"/>.</summary>
    T Parent<T>();

    /// <summary>An argument converted to <typeparamref name="T"/>; throws if absent and <typeparamref name="T"/> is not nullable.</summary>
    T Argument<T>(string name);

    /// <summary>An argument converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    T ArgumentOrDefault<T>(string name, T defaultValue);

    /// <summary>The request's DataLoader of type <typeparamref name="TLoader"/>, created on first use (constructor services come from <see cref="Services"/>).</summary>
    TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader;

    /// <summary>A request-scoped DataLoader keyed by <paramref name="name"/>, batching with <paramref name="loadBatch"/>.</summary>
    DataLoader<TKey, TValue> DataLoader<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> loadBatch)
        where TKey : notnull;

    /// <summary>Adds an error for this field without failing it (the field keeps the value the resolver returns).</summary>
    void ReportError(string message, string? code = null);
}
