using System.Globalization;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>The <see cref="IResolverContext"/> handed to one resolver call.</summary>
internal sealed class ResolverContext(
    ExecutionContext execution,
    ObjectType parentType,
    CollectedField collected,
    object? source,
    ResponsePath path,
    IReadOnlyDictionary<string, object?> arguments) : IResolverContext
{
    public object? Source { get; } = source;

    public FieldDefinition Field => collected.Definition!;

    public ObjectType ParentType { get; } = parentType;

    public FieldNode Selection => collected.First;

    public Schema Schema => execution.Schema;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public IServiceProvider Services => execution.Services;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public IDictionary<string, object?> Items => execution.Items;

    public IReadOnlyList<object> Path => path.ToList();

    public T Parent<T>() => (T)Source!;

    public T Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value))
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw new GraphQLException($"Argument \"{name}\" was not provided.");
        }

        return Convert<T>(value);
    }

    public T ArgumentOrDefault<T>(string name, T defaultValue)
        => Arguments.TryGetValue(name, out var value) && value is not null ? Convert<T>(value) : defaultValue;

    public TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader => execution.GetLoader<TLoader>();

    public DataLoader<TKey, TValue> DataLoader<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> loadBatch)
        where TKey : notnull => execution.GetLoader(name, loadBatch);

    public void ReportError(string message, string? code = null)
        => execution.AddError(new GraphQLError(
            message,
            collected.First.Location is { } l ? [new ErrorLocation(l.Line, l.Column)] : null,
            path.ToList(),
            code is null ? null : new Dictionary<string, object?> { ["code"] = code }));

    private static T Convert<T>(object? value)
    {
        if (value is T t)
        {
            return t;
        }

        if (value is null)
        {
            return default!;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string s)
        {
            return (T)Enum.Parse(target, s, ignoreCase: true);
        }

        return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
