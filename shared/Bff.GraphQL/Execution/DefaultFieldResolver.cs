using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Bff.GraphQL.Execution;

/// <summary>
/// Resolves a field without a resolver from its parent: a dictionary key, a JSON property, or a public
/// property of the same name (case-insensitive), read through a compiled, cached getter.
/// </summary>
internal static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    public static object? Resolve(object? source, string name)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(name, out var v) ? v : null;
            case IDictionary<string, object?> dict:
                return dict.TryGetValue(name, out var d) ? d : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(name, out var p) ? ValueCoercion.JsonToClr(p) : null;
            default:
                var getter = Getters.GetOrAdd((source.GetType(), name), static key => CreateGetter(key.Item1, key.Item2));
                return getter?.Invoke(source);
        }
    }

    private static Func<object, object?>? CreateGetter(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property?.GetMethod is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parameter, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
