using Bff.Clients.Results;
using Microsoft.Extensions.Logging;
using Mobile.Bff.Caching;

namespace Mobile.Bff.Sections;

/// <summary>
/// Runs the calls of one section inside its budget (hedged in the clients' pipelines) and turns their outcome into a <see cref="Section{T}"/>:
/// never an exception for a service that fails or runs late. The cached variants serve a fresh cache entry
/// without a call, and the last good value (marked stale) when the service fails.
/// </summary>
internal sealed partial class SectionRunner(SectionCache cache, ILogger<SectionRunner> logger)
{
    public async Task<Section<T>> FetchAsync<T>(
        ScreenBudget budget,
        string section,
        string service,
        Func<CancellationToken, Task<ServiceResult<T>>> fetch)
        where T : class
    {
        using var sectionCancel = budget.ForSection(section);
        try
        {
            var result = await fetch(sectionCancel.Token).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                return Section<T>.Ok(result.Value);
            }

            if (result.Error.Kind is ServiceErrorKind.NotFound or ServiceErrorKind.BadRequest)
            {
                LogSectionAnswered(logger, section, service, result.Error.Kind);
            }
            else
            {
                LogSectionFailed(logger, section, service, result.Error.Kind, result.Error.Message);
            }

            return Section<T>.Missing(result.Error);
        }
        catch (OperationCanceledException) when (!budget.RequestAborted.IsCancellationRequested)
        {
            if (budget.Abandoned)
            {
                LogSectionAbandoned(logger, section);
                return Section<T>.Missing(new ServiceError(ServiceErrorKind.Timeout, service, $"The {section} section was abandoned: the screen could not be served."));
            }

            LogSectionLate(logger, section, service);
            return Section<T>.Missing(new ServiceError(ServiceErrorKind.Timeout, service, $"The {section} section did not answer within its budget."));
        }
    }

    public async Task<Section<T>> FetchCachedAsync<T>(
        ScreenBudget budget,
        string section,
        string service,
        string cacheKey,
        Func<CancellationToken, Task<ServiceResult<T>>> fetch)
        where T : class
    {
        if (cache.TryGetFresh<T>(cacheKey, out var fresh))
        {
            return Section<T>.Ok(fresh);
        }

        var outcome = await FetchAsync(budget, section, service, fetch).ConfigureAwait(false);
        if (outcome.State == SectionState.Ok)
        {
            cache.Set(cacheKey, outcome.Value!);
            return outcome;
        }

        return CanServeStale(outcome.Error) && cache.TryGetStale<T>(cacheKey, out var stale)
            ? Section<T>.Stale(stale, outcome.Error!)
            : outcome;
    }

    /// <summary>
    /// One value per id, in one batch call for the ids not fresh in the cache. When the call fails, the section is
    /// stale if every id has a last good value, and missing otherwise. Ids the service does not know are left out.
    /// </summary>
    public async Task<Section<IReadOnlyDictionary<int, T>>> FetchManyCachedAsync<T>(
        ScreenBudget budget,
        string section,
        string service,
        IReadOnlyCollection<int> ids,
        Func<int, string> cacheKey,
        Func<T, int> idOf,
        Func<IReadOnlyCollection<int>, CancellationToken, Task<ServiceResult<IReadOnlyList<T>>>> fetch)
        where T : class
    {
        var values = new Dictionary<int, T>(ids.Count);
        var toFetch = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetFresh<T>(cacheKey(id), out var fresh))
            {
                values[id] = fresh;
            }
            else
            {
                toFetch.Add(id);
            }
        }

        if (toFetch.Count == 0)
        {
            return Section<IReadOnlyDictionary<int, T>>.Ok(values);
        }

        var outcome = await FetchAsync(budget, section, service, ct => fetch(toFetch, ct)).ConfigureAwait(false);
        if (outcome.State == SectionState.Ok)
        {
            foreach (var item in outcome.Value!)
            {
                values[idOf(item)] = item;
                cache.Set(cacheKey(idOf(item)), item);
            }

            return Section<IReadOnlyDictionary<int, T>>.Ok(values);
        }

        if (!CanServeStale(outcome.Error))
        {
            return Section<IReadOnlyDictionary<int, T>>.Missing(outcome.Error!);
        }

        foreach (var id in toFetch)
        {
            if (!cache.TryGetStale<T>(cacheKey(id), out var stale))
            {
                return Section<IReadOnlyDictionary<int, T>>.Missing(outcome.Error!);
            }

            values[id] = stale;
        }

        return Section<IReadOnlyDictionary<int, T>>.Stale(values, outcome.Error!);
    }

    // A 404 or 400 is the service's answer, not its failure: an old copy would contradict it.
    private static bool CanServeStale(ServiceError? error) =>
        error is not null && error.Kind is not (ServiceErrorKind.NotFound or ServiceErrorKind.BadRequest);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Section {Section} left out: {Service} failed ({Kind}: {Reason})")]
    private static partial void LogSectionFailed(ILogger logger, string section, string service, ServiceErrorKind kind, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Section {Section}: {Service} answered {Kind}")]
    private static partial void LogSectionAnswered(ILogger logger, string section, string service, ServiceErrorKind kind);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Section {Section} abandoned: the core section failed")]
    private static partial void LogSectionAbandoned(ILogger logger, string section);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Section {Section} left out: {Service} ran over the budget")]
    private static partial void LogSectionLate(ILogger logger, string section, string service);
}
