using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Upstream;

/// <summary>
/// Forwards to an <c>http://</c> HTTP/1.1 destination over the gateway's own kept-alive connections: the request
/// head is written from the client's headers into a reused buffer, the response head is parsed from the receive
/// buffer onto the client's response, and the body is copied from that same buffer, so no per-request message,
/// URI or header store is built. Upgrades, https destinations and HTTP/2 clusters go through
/// <see cref="HttpForwarder"/>. See <see cref="SendAsync"/> for the steps.
/// </summary>
internal sealed class Http1Forwarder
{
    private static readonly byte[] ChunkedLine = "Transfer-Encoding: chunked\r\n"u8.ToArray();

    private readonly TrustedProxies _trustedProxies;

    public Http1Forwarder(TrustedProxies trustedProxies)
    {
        _trustedProxies = trustedProxies;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ForwarderError> SendAsync(HttpContext context, Http1Endpoint endpoint, string path, bool keepOriginalHost, TimeSpan timeout, ForwardingCounters counters)
    {
        var request = context.Request;
        using var activity = ActivityTimeout.Start(timeout, context.RequestAborted);
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true && request.ContentLength != 0;
        var headRequest = HttpMethods.IsHead(request.Method);

        // 1. A kept-alive connection if one is usable, else a new one. A request whose body has not started that
        //    meets a close the upstream sent while the connection sat idle goes once more, on a new connection.
        var connection = endpoint.Pool.RentIdle(hasBody);
        var connected = true;
        Http1RequestBodySender? body = null;
        Http1ResponseHead head;
        while (true)
        {
            try
            {
                if (connection is null)
                {
                    connected = false;
                    connection = await endpoint.Pool.ConnectAsync(activity.Token).ConfigureAwait(false);
                    connected = true;
                }

                // 2. The head: request line, the client's headers by the hop-by-hop rules, then the gateway's own.
                if (!WriteHead(context, connection.RequestHead, endpoint, path, keepOriginalHost, hasBody, counters))
                {
                    connection.Dispose();
                    return ForwarderError.UpstreamRequest;
                }

                await connection.SendAsync(connection.RequestHead.Written, activity.Token).ConfigureAwait(false);

                // 3. The body streams alongside reading the answer.
                if (hasBody)
                {
                    var expectContinue = request.Headers.Expect.Count > 0;
                    body = Http1RequestBodySender.Start(request, connection, chunked: request.ContentLength is null, expectContinue, counters, activity);
                }

                // 4. Interim 1xx answers are skipped (a 100 releases the body); the final head goes onto the response.
                while (!TryTakeFinalHead(context.Response, connection, headRequest, body, out head))
                {
                    var bufferedBefore = connection.Buffered.Length;
                    var read = await connection.ReceiveAsync(activity.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw bufferedBefore == 0 ? new UpstreamClosedException() : new Http1ProtocolException("the upstream closed in the middle of its answer head");
                    }

                    connection.Received(read);
                }

                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException or Http1ProtocolException)
            {
                var retry = connection is { Reused: true } && body is null && (ex is SocketException or UpstreamClosedException)
                    && !activity.Token.IsCancellationRequested;
                connection?.Dispose();
                connection = null;
                var clientRead = body is null ? null : await StopBodyAsync(body).ConfigureAwait(false);
                if (retry)
                {
                    continue;
                }

                return Classify(ex, connected, clientRead, activity, context.RequestAborted);
            }
        }

        // 5. Status, then the body by the head's framing, written to the client as it arrives.
        activity.Reset();
        var response = context.Response;
        response.StatusCode = head.StatusCode;
        if (head.ContentLength >= 0 && head.StatusCode != StatusCodes.Status204NoContent)
        {
            response.ContentLength = head.ContentLength;
        }

        var (error, clean) = await CopyBodyAsync(context, connection, head, counters, activity).ConfigureAwait(false);

        // 6. The connection is kept only when both messages ended exactly where their framing said.
        var reusable = clean && head.KeepAlive && connection.Buffered.IsEmpty;
        if (body is not null)
        {
            // An upload still running when the answer ended leaves the upstream's view of the request unknowable.
            var finishedFirst = body.IsFinished;
            var sent = await body.StopAsync().ConfigureAwait(false);
            reusable &= finishedFirst && sent;
        }

        if (reusable)
        {
            endpoint.Pool.Return(connection);
        }
        else
        {
            connection.Dispose();
        }

        if (error != ForwarderError.None)
        {
            context.Abort();
        }

        return error;
    }

    private bool WriteHead(HttpContext context, Http1RequestHead head, Http1Endpoint endpoint, string path, bool keepOriginalHost, bool hasBody, ForwardingCounters counters)
    {
        var request = context.Request;
        head.Start(request.Method, endpoint.BasePath, path, request.QueryString.Value);
        if (keepOriginalHost && request.Host.HasValue)
        {
            head.Add(HeaderNames.Host, request.Host.Value);
        }
        else
        {
            head.AddLine(endpoint.HostLine);
        }

        RequestHeaderCopier.Copy(request, ref head);
        ForwardedHeaders.Apply(context, ref head, _trustedProxies.Contains(context.Connection.RemoteIpAddress));
        counters.TraceParent = TraceContextHeaders.Apply(context, ref head);
        if (hasBody)
        {
            if (request.ContentLength is { } length)
            {
                head.AddContentLength(length);
            }
            else
            {
                head.AddLine(ChunkedLine);
            }
        }
        else if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            head.AddContentLength(0); // some servers answer 411 to a POST that declares no length
        }

        head.End();
        return !head.Invalid;
    }

    /// <summary>
    /// Takes the complete heads at the front of the buffer: interim ones (1xx) are skipped, a 100 releases the
    /// body; true with the final head once it is there, its fields added to the response.
    /// </summary>
    private static bool TryTakeFinalHead(HttpResponse response, Http1Connection connection, bool headRequest, Http1RequestBodySender? body, out Http1ResponseHead head)
    {
        while (true)
        {
            var headLength = Http1ResponseParser.FindHeadEnd(connection.Buffered);
            if (headLength > Http1ResponseParser.MaxHeadSize || (headLength < 0 && connection.Buffered.Length >= Http1ResponseParser.MaxHeadSize))
            {
                throw new Http1ProtocolException("the upstream's answer head is too large");
            }

            if (headLength < 0)
            {
                head = default;
                return false;
            }

            // Interim answers carry nothing for the client; only the final one's fields are added.
            var interim = connection.Buffered.Length > 9 && connection.Buffered[9] == '1';
            head = Http1ResponseParser.Parse(connection.Buffered[..headLength], headRequest, interim ? null : response.Headers);
            connection.Consume(headLength);
            if (head.StatusCode == StatusCodes.Status101SwitchingProtocols)
            {
                throw new Http1ProtocolException("the upstream switched protocols without being asked to");
            }

            if (head.StatusCode >= 200)
            {
                return true;
            }

            if (head.StatusCode == StatusCodes.Status100Continue)
            {
                body?.Continue();
            }
        }
    }

    /// <summary>Copies the body; <c>clean</c> is true when it ended exactly where its framing said, with nothing left over.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(ForwarderError Error, bool Clean)> CopyBodyAsync(HttpContext context, Http1Connection connection, Http1ResponseHead head, ForwardingCounters counters, ActivityTimeout activity)
    {
        var destination = context.Response.Body;
        var decoder = default(Http1ChunkedDecoder);
        var remaining = head.ContentLength;
        if (head.Framing == Http1BodyFraming.None)
        {
            return (ForwarderError.None, true);
        }

        while (true)
        {
            // Pass on what the buffer holds; chunked data is first decoded in place.
            var available = connection.Buffered.Length;
            int write;
            int consume;
            try
            {
                switch (head.Framing)
                {
                    case Http1BodyFraming.ContentLength:
                        write = consume = (int)Math.Min(available, remaining);
                        remaining -= write;
                        break;
                    case Http1BodyFraming.Chunked:
                        write = decoder.Decode(connection.Buffered, out consume);
                        break;
                    default:
                        write = consume = available;
                        break;
                }
            }
            catch (Http1ProtocolException)
            {
                return (ForwarderError.ResponseBodyDestination, false);
            }

            if (write > 0)
            {
                try
                {
                    await destination.WriteAsync(connection.BufferedMemory[..write], context.RequestAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
                {
                    return (ForwarderError.ResponseBodyClient, false);
                }

                counters.BytesOut += write;
            }

            connection.Consume(consume);
            if (head.Framing == Http1BodyFraming.ContentLength && remaining == 0)
            {
                return (ForwarderError.None, true);
            }

            if (decoder.AtTrailers)
            {
                return await CopyTrailersAsync(context.Response, connection, activity.Token).ConfigureAwait(false)
                    ? (ForwarderError.None, true)
                    : (context.RequestAborted.IsCancellationRequested ? ForwarderError.RequestCanceled : ForwarderError.ResponseBodyDestination, false);
            }

            int read;
            try
            {
                read = await connection.ReceiveAsync(activity.Token).ConfigureAwait(false);
                connection.Received(read);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return (context.RequestAborted.IsCancellationRequested ? ForwarderError.RequestCanceled : ForwarderError.ResponseBodyDestination, false);
            }

            if (read == 0)
            {
                // Only a body framed by the close may end here; a shorter one is cut and the client must see that.
                return head.Framing == Http1BodyFraming.UntilClose ? (ForwarderError.None, false) : (ForwarderError.ResponseBodyDestination, false);
            }

            activity.Reset();
        }
    }

    /// <summary>Reads the trailer section after the last chunk; its fields become trailers when the client can take them.</summary>
    private static async ValueTask<bool> CopyTrailersAsync(HttpResponse response, Http1Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var buffered = connection.Buffered;
                if (buffered.StartsWith("\r\n"u8))
                {
                    connection.Consume(2);
                    return true;
                }

                var end = buffered.IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var fields = buffered[..(end + 2)];
                    if (response.SupportsTrailers())
                    {
                        Http1ResponseParser.AddTrailers(fields, response);
                    }
                    else
                    {
                        Http1ResponseParser.ValidateFields(fields);
                    }

                    connection.Consume(end + 4);
                    return true;
                }

                if (buffered.Length >= Http1ResponseParser.MaxHeadSize)
                {
                    return false;
                }

                var read = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return false;
                }

                connection.Received(read);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or Http1ProtocolException)
        {
            return false;
        }
    }

    private static async ValueTask<Exception?> StopBodyAsync(Http1RequestBodySender body)
    {
        await body.StopAsync().ConfigureAwait(false);
        return body.ClientReadException;
    }

    private static ForwarderError Classify(Exception ex, bool connected, Exception? clientRead, ActivityTimeout activity, CancellationToken clientAborted)
    {
        if (clientAborted.IsCancellationRequested)
        {
            return ForwarderError.RequestCanceled;
        }

        if (clientRead is not null)
        {
            return clientRead is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? ForwarderError.RequestBodyTooLarge
                : ForwarderError.RequestBodyClient;
        }

        if (activity.TimedOut)
        {
            return ForwarderError.UpstreamTimeout;
        }

        return connected || ex is Http1ProtocolException ? ForwarderError.UpstreamRequest : ForwarderError.UpstreamConnect;
    }
}
