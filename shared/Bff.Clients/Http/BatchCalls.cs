using System.Text.Json.Serialization.Metadata;
using Bff.Clients.Results;
using Bff.Contracts.Paging;

namespace Bff.Clients.Http;

/// <summary>
/// Batch gets by ids: duplicates removed (order kept), more than <see cref="RequestGuard.MaxIdsPerCall"/> ids split
/// into parallel calls whose answers are merged in order; one failed call fails the whole batch.
/// </summary>
internal static class BatchCalls
{
    public static async Task<ServiceResult<BatchResult<T>>> GetBatchAsync<T>(
        DomainHttp http,
        string path,
        IReadOnlyCollection<int> ids,
        JsonTypeInfo<BatchResult<T>> responseType,
        CancellationToken cancellationToken)
    {
        var results = await GetChunksAsync(http, path, "ids", ids, responseType, cancellationToken).ConfigureAwait(false);
        if (results.Error is not null)
        {
            return ServiceResult<BatchResult<T>>.Failure(results.Error);
        }

        return ServiceResult<BatchResult<T>>.Success(new BatchResult<T>(
            [.. results.Values.SelectMany(r => r.Items)],
            [.. results.Values.SelectMany(r => r.Missing)]));
    }

    public static async Task<ServiceResult<ItemList<T>>> GetItemListAsync<T>(
        DomainHttp http,
        string path,
        string parameter,
        IReadOnlyCollection<int> ids,
        JsonTypeInfo<ItemList<T>> responseType,
        CancellationToken cancellationToken)
    {
        var results = await GetChunksAsync(http, path, parameter, ids, responseType, cancellationToken).ConfigureAwait(false);
        return results.Error is not null
            ? ServiceResult<ItemList<T>>.Failure(results.Error)
            : ServiceResult<ItemList<T>>.Success(new ItemList<T>([.. results.Values.SelectMany(r => r.Items)]));
    }

    private static async Task<(IReadOnlyList<TResponse> Values, ServiceError? Error)> GetChunksAsync<TResponse>(
        DomainHttp http,
        string path,
        string parameter,
        IReadOnlyCollection<int> ids,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        if (RequestGuard.CheckIds(ids, parameter) is { } problem)
        {
            return ([], http.Refusal(problem));
        }

        var distinct = ids.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return ([], null);
        }

        var calls = distinct
            .Chunk(RequestGuard.MaxIdsPerCall)
            .Select(chunk => http.GetAsync(new QueryBuilder(path).AddIds(parameter, chunk).ToString(), responseType, cancellationToken));
        var results = await Task.WhenAll(calls).ConfigureAwait(false);
        var failed = Array.Find(results, r => !r.IsSuccess);
        return failed is not null ? ([], failed.Error) : ([.. results.Select(r => r.Value!)], null);
    }
}
