using Bff.Clients.Results;

namespace Mobile.Bff.Sections;

/// <summary>Reshapes a domain answer to what a section keeps, leaving failures as they are.</summary>
internal static class ServiceResultExtensions
{
    public static async Task<ServiceResult<TOut>> MapAsync<TIn, TOut>(this Task<ServiceResult<TIn>> call, Func<TIn, TOut> map)
    {
        var result = await call.ConfigureAwait(false);
        return result.IsSuccess ? ServiceResult<TOut>.Success(map(result.Value)) : ServiceResult<TOut>.Failure(result.Error);
    }
}
