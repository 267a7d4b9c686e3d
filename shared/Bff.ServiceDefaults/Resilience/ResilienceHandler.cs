using Polly;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Sends each request through the pipeline of its service and destination, reading the body inside the
/// attempt unless <see cref="ResilienceOptions.BufferResponseContent"/> is off. Failures leave as
/// <see cref="HttpRequestException"/>, <see cref="Polly.Timeout.TimeoutRejectedException"/> or
/// <see cref="Polly.CircuitBreaker.BrokenCircuitException"/>; a cancelled caller gets its cancellation.
/// </summary>
internal sealed class ResilienceHandler(DownstreamPipelines pipelines, string serviceName, bool bufferResponseContent) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authority = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : string.Empty;
        var pipeline = pipelines.GetPipeline(serviceName, authority);
        pipelines.GetBudget(serviceName).RecordRequest();

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DownstreamPipelines.RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!bufferResponseContent)
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
