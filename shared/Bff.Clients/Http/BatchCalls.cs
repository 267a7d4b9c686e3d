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
        ServiceResponses responses,
        string parameter,
        IReadOnlyCollection<int> ids,
        Func<int[], Task<ServiceResult<BatchResult<T>>>> call)
    {
        var results = await GetChunksAsync(responses, parameter, ids, call).ConfigureAwait(false);
        if (results.Error is not null)
        {
            return ServiceResult<BatchResult<T>>.Failure(results.Error);
        }

        return ServiceResult<BatchResult<T>>.Success(new BatchResult<T>(
            [.. results.Values.SelectMany(r => r.Items)],
            [.. results.Values.SelectMany(r => r.Missing)]));
    }

    public static async Task<ServiceResult<ItemList<T>>> GetItemListAsync<T>(
        ServiceResponses responses,
        string parameter,
        IReadOnlyCollection<int> ids,
        Func<int[], Task<ServiceResult<ItemList<T>>>> call)
    {
        var results = await GetChunksAsync(responses, parameter, ids, call).ConfigureAwait(false);
        return results.Error is not null
            ? ServiceResult<ItemList<T>>.Failure(results.Error)
            : ServiceResult<ItemList<T>>.Success(new ItemList<T>([.. results.Values.SelectMany(r => r.Items)]));
    }

    private static async Task<(IReadOnlyList<TResponse> Values, ServiceError? Error)> GetChunksAsync<TResponse>(
        ServiceResponses responses,
        string parameter,
        IReadOnlyCollection<int> ids,
        Func<int[], Task<ServiceResult<TResponse>>> call)
    {
        if (RequestGuard.CheckIds(ids, parameter) is { } problem)
        {
            return ([], responses.Refusal(problem));
        }

        var distinct = ids.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return ([], null);
        }

        var results = await Task.WhenAll(distinct.Chunk(RequestGuard.MaxIdsPerCall).Select(call)).ConfigureAwait(false);
        var failed = Array.Find(results, r => !r.IsSuccess);
        return failed is not null ? ([], failed.Error) : ([.. results.Select(r => r.Value!)], null);
    }
}
