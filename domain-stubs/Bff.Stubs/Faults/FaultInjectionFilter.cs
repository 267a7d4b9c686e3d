using Bff.Stubs.Problems;
using Bff.Stubs.Stats;

namespace Bff.Stubs.Faults;

/// <summary>
/// Applies the fault in force for the matched route, in this order: latency (plus jitter), hang, error roll.
/// Waiting always honours <see cref="HttpContext.RequestAborted"/>: a client that gives up frees the request.
/// </summary>
internal sealed partial class FaultInjectionFilter(
    FaultRegistry registry,
    FaultRandom random,
    TimeProvider time,
    ILogger<FaultInjectionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var route = RouteKey.Of(context.HttpContext);
        var fault = registry.For(route);
        if (fault is null)
        {
            return await next(context);
        }

        var aborted = context.HttpContext.RequestAborted;
        try
        {
            var delayMs = fault.LatencyMs + (fault.JitterMs > 0 ? (int)(random.NextDouble() * fault.JitterMs) : 0);
            if (delayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), time, aborted);
            }

            if (fault.Hang)
            {
                using var hang = registry.EnterHang();
                LogHanging(logger, route);
                await Task.Delay(Timeout.InfiniteTimeSpan, time, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            LogClientGone(logger, route);
            return Results.Empty;
        }

        if (fault.ErrorRate > 0 && random.NextDouble() < fault.ErrorRate)
        {
            return StubProblems.InjectedFault(fault.ErrorStatus);
        }

        return await next(context);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Holding {Route} until the client goes away")]
    private static partial void LogHanging(ILogger logger, string route);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Client left {Route} while a fault held it")]
    private static partial void LogClientGone(ILogger logger, string route);
}
