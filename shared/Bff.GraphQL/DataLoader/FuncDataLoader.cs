namespace Bff.GraphQL;

/// <summary>A DataLoader whose batch function is a delegate (created by <c>ctx.DataLoader(name, fn)</c>).</summary>
internal sealed class FuncDataLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> loadBatch)
    : DataLoader<TKey, TValue>
    where TKey : notnull
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => loadBatch(keys, cancellationToken);
}
