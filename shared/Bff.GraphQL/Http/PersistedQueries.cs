using System.Security.Cryptography;
using System.Text;

namespace Bff.GraphQL.Http;

/// <summary>Automatic persisted queries (Apollo <c>extensions.persistedQuery</c>) and the allow-list mode.</summary>
internal static class PersistedQueries
{
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    /// <summary>Resolves the document to run, or returns the error to answer with.</summary>
    public static (string? Query, GraphQLError? Error) Resolve(string? query, IReadOnlyDictionary<string, object?>? extensions, GraphQLOptions options, IPersistedQueryStore store, ISet<string> trustedHashes)
    {
        string? hash = null;
        if (options.EnablePersistedQueries && extensions is not null && extensions.TryGetValue("persistedQuery", out var pq))
        {
            if (pq is not IReadOnlyDictionary<string, object?> map || map.GetValueOrDefault("sha256Hash") is not string h || h.Length != 64)
            {
                return (null, Error("Invalid persistedQuery extension: expected { version: 1, sha256Hash }.", ErrorCodes.BadUserInput));
            }

            hash = h.ToLowerInvariant();
            if (query is null)
            {
                if (store.TryGet(hash, out var stored) && (!options.AllowListOnly || trustedHashes.Contains(hash)))
                {
                    return (stored, null);
                }

                return options.AllowListOnly && !trustedHashes.Contains(hash)
                    ? (null, Error("This document is not on the allow-list.", ErrorCodes.PersistedQueryNotAllowed))
                    : (null, Error("PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound));
            }

            if (!string.Equals(Hash(query), hash, StringComparison.Ordinal))
            {
                return (null, Error("provided sha does not match query", ErrorCodes.PersistedQueryHashMismatch));
            }
        }

        if (query is not null && options.AllowListOnly)
        {
            var actual = hash ?? Hash(query);
            if (!trustedHashes.Contains(actual))
            {
                return (null, Error("This document is not on the allow-list.", ErrorCodes.PersistedQueryNotAllowed));
            }
        }

        if (query is not null && hash is not null)
        {
            store.Set(hash, query);
        }

        return (query, null);
    }

    private static GraphQLError Error(string message, string code) => new(message, extensions: new Dictionary<string, object?> { ["code"] = code });
}
