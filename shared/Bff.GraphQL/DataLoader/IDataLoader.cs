namespace Bff.GraphQL;

/// <summary>A per-request batching loader; see <see cref="DataLoader{TKey, TValue}"/>.</summary>
public interface IDataLoader
{
    /// <summary>True when keys are waiting for the next batch.</summary>
    bool HasPendingKeys { get; }

    /// <summary>Starts one batch call for all pending keys.</summary>
    void Dispatch();
}
