namespace Bff.Stubs.Stats;

/// <summary>Counts every request to the played service's routes, faulted ones included (retries show up as attempts).</summary>
internal sealed class RequestCountingFilter(RequestStats stats) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        stats.Count(RouteKey.Of(context.HttpContext));
        return next(context);
    }
}
