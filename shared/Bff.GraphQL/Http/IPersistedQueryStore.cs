namespace Bff.GraphQL.Http;

/// <summary>Where persisted query documents live, keyed by their lowercase hex SHA-256.</summary>
public interface IPersistedQueryStore
{
    bool TryGet(string sha256Hash, out string query);

    void Set(string sha256Hash, string query);
}
