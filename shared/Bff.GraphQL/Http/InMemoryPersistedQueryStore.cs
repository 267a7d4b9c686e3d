using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bff.GraphQL.Http;

/// <summary>The default store: an in-process, bounded dictionary seeded with the trusted documents.</summary>
internal sealed class InMemoryPersistedQueryStore : IPersistedQueryStore
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxEntries;

    public InMemoryPersistedQueryStore(IOptions<GraphQLOptions> options)
    {
        _maxEntries = options.Value.PersistedQueryCacheSize;
        foreach (var document in options.Value.TrustedDocuments)
        {
            _documents[PersistedQueries.Hash(document)] = document;
        }
    }

    public bool TryGet(string sha256Hash, out string query) => _documents.TryGetValue(sha256Hash, out query!);

    public void Set(string sha256Hash, string query)
    {
        if (_documents.Count < _maxEntries)
        {
            _documents.TryAdd(sha256Hash, query);
        }
    }
}
