namespace Bff.ServiceDefaults.Resilience;

/// <summary>
/// Sits inside the resilience handler, so it runs once per attempt: the body is read before the attempt ends, and
/// the attempt timeout covers a body that stalls while a body cut mid-way fails the attempt (and is retried) like
/// a failed connection. Off (<see cref="ResilienceOptions.BufferResponseContent"/>) for streaming downstreams.
/// </summary>
internal sealed class ResponseBufferingHandler(bool enabled) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!enabled)
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
