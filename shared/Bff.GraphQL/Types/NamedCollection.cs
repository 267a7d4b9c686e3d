namespace Bff.GraphQL.Types;

/// <summary>An ordered list of named items with lookup by name; definition order is kept for introspection and printing.</summary>
public sealed class NamedCollection<T> : IReadOnlyList<T>
    where T : class, INamedItem
{
    private readonly List<T> _items = [];
    private readonly Dictionary<string, T> _byName = new(StringComparer.Ordinal);

    /// <summary>An empty collection.</summary>
    public static NamedCollection<T> Empty { get; } = new();

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    /// <summary>Finds an item by name, or null.</summary>
    public T? this[string name] => _byName.GetValueOrDefault(name);

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? item) => _byName.TryGetValue(name, out item);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool Add(T item)
    {
        if (!_byName.TryAdd(item.Name, item))
        {
            return false;
        }

        _items.Add(item);
        return true;
    }
}
