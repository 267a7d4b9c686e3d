using System.Buffers;
using System.Net;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Forwarding;

/// <summary>The gateway's forwarder over one pooled <see cref="HttpMessageInvoker"/>. See <see cref="SendAsync"/> for the steps.</summary>
internal sealed class HttpForwarder : IHttpForwarder
{
    private const int BufferSize = 16 * 1024;

    private readonly TrustedProxies _trustedProxies;

    public HttpForwarder(TrustedProxies trustedProxies)
    {
        _trustedProxies = trustedProxies;
    }

    public async ValueTask<ForwarderError> SendAsync(HttpContext context, HttpMessageInvoker invoker, ForwardRequest request, ForwardingCounters counters)
    {
        var httpRequest = context.Request;

        // 1. Is this a protocol upgrade (HTTP/1.1 WebSocket)? Then the upstream leg must be HTTP/1.1 and keep
        //    the Connection/Upgrade pair that hop-by-hop rules would otherwise strip.
        var upgradeFeature = context.Features.Get<IHttpUpgradeFeature>();
        var upgrade = upgradeFeature is { IsUpgradableRequest: true } && httpRequest.Headers.Upgrade.Count > 0;

        // 2. Build the upstream request: method, URI (path re-encoded, query as received), version.
        using var activity = ActivityTimeout.Start(request.ActivityTimeout, context.RequestAborted);
        using var message = new HttpRequestMessage
        {
            Method = HttpMethod.Parse(httpRequest.Method), // cached instances for the standard methods
            RequestUri = UpstreamUri.Create(request.DestinationPrefix, request.Path, httpRequest.QueryString.Value),
            Version = upgrade ? HttpVersion.Version11 : request.Version,
            VersionPolicy = upgrade ? HttpVersionPolicy.RequestVersionExact : request.VersionPolicy,
        };

        // 3. The body streams from the client as the upstream asks for it; GET and friends without one send none.
        StreamCopyHttpContent? content = null;
        if (!upgrade && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            content = new StreamCopyHttpContent(httpRequest, counters, activity);
            message.Content = content;
        }

        // 4. Headers: the client's minus hop-by-hop (RFC 9110 §7.6.1) and minus what Connection names; then the
        //    gateway's own (Host, X-Forwarded-*, trace context) last, so no client header can remove them.
        var sink = new MessageHeaderSink(message);
        RequestHeaderCopier.Copy(httpRequest, ref sink);
        if (request.KeepOriginalHost && httpRequest.Host.HasValue)
        {
            message.Headers.Host = httpRequest.Host.Value;
        }

        ForwardedHeaders.Apply(context, ref sink, _trustedProxies.Contains(context.Connection.RemoteIpAddress));
        counters.TraceParent = TraceContextHeaders.Apply(context, ref sink);
        if (upgrade)
        {
            message.Headers.TryAddWithoutValidation(HeaderNames.Connection, "Upgrade");
            message.Headers.TryAddWithoutValidation(HeaderNames.Upgrade, (IEnumerable<string>)httpRequest.Headers.Upgrade!);
        }

        // 5. Expect: 100-continue goes upstream, so the upstream decides: only when it says 100 does the handler
        //    read the body, and that first read is what makes Kestrel send the client its own 100 Continue.
        if (httpRequest.Headers.Expect.Count > 0 && content is not null)
        {
            message.Headers.ExpectContinue = true;
        }

        // 6. Send, returning as soon as the response headers are in. Failures before that point are mapped to an
        //    error for the caller, who still owns the (unstarted) response.
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(message, activity.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or BadHttpRequestException)
        {
            return ClassifySendFailure(ex, content, activity, context.RequestAborted);
        }

        using (response)
        {
            // 7. Status and headers back to the client, minus hop-by-hop ones.
            var httpResponse = context.Response;
            activity.Reset();
            httpResponse.StatusCode = (int)response.StatusCode;
            ResponseHeaderCopier.Copy(response, httpResponse);

            // 8. 101 Switching Protocols: after the upgrade both connections are opaque byte streams, copied both
            //    ways until either side closes.
            if (upgrade && response.StatusCode == HttpStatusCode.SwitchingProtocols)
            {
                return await CopyUpgradedAsync(context, upgradeFeature!, response, httpRequest.Headers.Upgrade).ConfigureAwait(false);
            }

            // 9. Body: streamed in pooled chunks, each one written (and so flushed by Kestrel) as it arrives. Once
            //    headers are out an error can only abort the connection, which tells the client the body is cut.
            var error = await CopyResponseBodyAsync(context, response, counters, activity).ConfigureAwait(false);
            if (error != ForwarderError.None)
            {
                context.Abort();
                return error;
            }

            // 10. Trailers (gRPC status, checksums) when the client's protocol can carry them.
            if (response.TrailingHeaders.NonValidated.Count > 0 && httpResponse.SupportsTrailers())
            {
                ResponseHeaderCopier.CopyTrailers(response, httpResponse);
            }

            return ForwarderError.None;
        }
    }

    private static ForwarderError ClassifySendFailure(Exception ex, StreamCopyHttpContent? content, ActivityTimeout activity, CancellationToken clientAborted)
    {
        if (clientAborted.IsCancellationRequested)
        {
            return ForwarderError.RequestCanceled;
        }

        if (content?.ClientReadException is { } readException)
        {
            return readException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? ForwarderError.RequestBodyTooLarge
                : ForwarderError.RequestBodyClient;
        }

        if (activity.TimedOut)
        {
            return ForwarderError.UpstreamTimeout;
        }

        return ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
            ? ForwarderError.UpstreamConnect
            : ForwarderError.UpstreamRequest;
    }

    private static async ValueTask<ForwarderError> CopyResponseBodyAsync(HttpContext context, HttpResponseMessage response, ForwardingCounters counters, ActivityTimeout activity)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Stream source;
            try
            {
                // SocketsHttpHandler's content hands out its connection stream without I/O: no Task<Stream> needed.
                source = response.Content.ReadAsStream(activity.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return context.RequestAborted.IsCancellationRequested ? ForwarderError.RequestCanceled : ForwarderError.ResponseBodyDestination;
            }

            var destination = context.Response.Body;
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, activity.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    return context.RequestAborted.IsCancellationRequested ? ForwarderError.RequestCanceled : ForwarderError.ResponseBodyDestination;
                }

                if (read == 0)
                {
                    return ForwarderError.None;
                }

                activity.Reset();
                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    return ForwarderError.ResponseBodyClient;
                }

                counters.BytesOut += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<ForwarderError> CopyUpgradedAsync(HttpContext context, IHttpUpgradeFeature upgradeFeature, HttpResponseMessage response, Microsoft.Extensions.Primitives.StringValues upgradeHeader)
    {
        // Kestrel writes "Connection: Upgrade" itself; the protocol name must come from the upstream's answer.
        context.Response.Headers.Upgrade = response.Headers.Upgrade.Count > 0 ? response.Headers.Upgrade.ToString() : upgradeHeader.ToString();
        Stream upstream;
        Stream client;
        try
        {
            upstream = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
            client = await upgradeFeature.UpgradeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            return ForwarderError.Upgrade;
        }

        await using (upstream.ConfigureAwait(false))
        await using (client.ConfigureAwait(false))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var toUpstream = CopyOpaqueAsync(client, upstream, stop.Token);
            var toClient = CopyOpaqueAsync(upstream, client, stop.Token);
            await Task.WhenAny(toUpstream, toClient).ConfigureAwait(false);

            // One side closed: stop the other direction too (WebSocket close frames have already passed through).
            await stop.CancelAsync().ConfigureAwait(false);
            var results = await Task.WhenAll(toUpstream, toClient).ConfigureAwait(false);
            return results[0] && results[1] ? ForwarderError.None : ForwarderError.Upgrade;
        }
    }

    /// <summary>Copies until end of stream; true when it ended normally or was stopped on purpose.</summary>
    private static async Task<bool> CopyOpaqueAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // Half-close towards the other side so it sees the end too.
                    await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
