using Bff.Edge.Health;
using Bff.Edge.Hosting;
using Bff.Edge.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Edge.Forwarding;

/// <summary>
/// Terminal middleware: picks a destination of the route's cluster, forwards, feeds the outcome to passive health,
/// and turns a failure before the response started into a problem response.
/// </summary>
internal sealed class EdgeForwardingMiddleware
{
    private readonly IHttpForwarder _forwarder;
    private readonly Http1Forwarder _http1Forwarder;
    private readonly HttpMessageInvoker _invoker;

    public EdgeForwardingMiddleware(RequestDelegate next, IHttpForwarder forwarder, Http1Forwarder http1Forwarder, HttpMessageInvoker invoker)
    {
        _ = next; // terminal: nothing runs after forwarding
        _forwarder = forwarder;
        _http1Forwarder = http1Forwarder;
        _invoker = invoker;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var state = context.Features.Get<EdgeRequestState>()!;
        var route = state.Route!;
        var cluster = route.Cluster;
        var destination = cluster.PickDestination();
        if (destination is null)
        {
            await FailAsync(context, state, ForwarderError.NoAvailableDestination).ConfigureAwait(false);
            return;
        }

        state.Destination = destination;

        // A chunked body is checked before anything goes upstream: a malformed first chunk size fails here, so a
        // smuggling attempt never opens an upstream request.
        if (context.Request.Headers.TransferEncoding.Count > 0)
        {
            var preRead = await PeekBodyAsync(context).ConfigureAwait(false);
            if (preRead != ForwarderError.None)
            {
                await FailAsync(context, state, preRead).ConfigureAwait(false);
                return;
            }
        }

        var error = await ForwardToAsync(context, state, destination).ConfigureAwait(false);

        // A GET, HEAD or OPTIONS that never reached an answer (refused, reset before the response headers: a replica
        // that just died) goes once to another destination, so clients do not see a replica's crash. Nothing of the
        // response was sent and such a request has no body to replay; other methods are never retried here.
        if (error is ForwarderError.UpstreamConnect or ForwarderError.UpstreamRequest
            && !context.Response.HasStarted
            && IsRetriable(context.Request)
            && cluster.PickOther(destination) is { } other)
        {
            state.Destination = other;
            error = await ForwardToAsync(context, state, other).ConfigureAwait(false);
        }

        if (error != ForwarderError.None)
        {
            await FailAsync(context, state, error).ConfigureAwait(false);
        }
    }

    private async ValueTask<ForwarderError> ForwardToAsync(HttpContext context, EdgeRequestState state, DestinationState destination)
    {
        var route = state.Route!;
        var cluster = route.Cluster;
        ForwarderError error;
        destination.RequestStarted();
        try
        {
            // Plain HTTP/1.1 destinations get the gateway's own client; upgrades, https and HTTP/2 get SocketsHttpHandler.
            if (destination.Http1 is { } endpoint && !IsUpgrade(context))
            {
                error = await _http1Forwarder.SendAsync(context, endpoint, state.UpstreamPath!, route.KeepOriginalHost, route.Timeout, state.Counters).ConfigureAwait(false);
            }
            else
            {
                var request = new ForwardRequest(destination.Address, state.UpstreamPath!, route.KeepOriginalHost, route.Timeout, cluster.HttpVersion, cluster.VersionPolicy);
                error = await _forwarder.SendAsync(context, _invoker, request, state.Counters).ConfigureAwait(false);
            }
        }
        finally
        {
            destination.RequestEnded();
        }

        var upstreamFailed = error is ForwarderError.UpstreamConnect or ForwarderError.UpstreamRequest or ForwarderError.UpstreamTimeout or ForwarderError.ResponseBodyDestination
            || (error == ForwarderError.None && context.Response.StatusCode is StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout);
        cluster.ReportOutcome(destination, upstreamFailed);
        return error;
    }

    private static bool IsRetriable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && request.ContentLength is null or 0
        && request.Headers.TransferEncoding.Count == 0
        && request.Headers.Upgrade.Count == 0;

    private static bool IsUpgrade(HttpContext context) =>
        context.Request.Headers.Upgrade.Count > 0 && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true };

    private static async ValueTask<ForwarderError> PeekBodyAsync(HttpContext context)
    {
        try
        {
            var reader = context.Request.BodyReader;
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            reader.AdvanceTo(result.Buffer.Start); // consume nothing: the forwarder reads it all again
            return ForwarderError.None;
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ForwarderError.RequestBodyTooLarge : ForwarderError.RequestBodyClient;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            return context.RequestAborted.IsCancellationRequested ? ForwarderError.RequestCanceled : ForwarderError.RequestBodyClient;
        }
    }

    private static Task FailAsync(HttpContext context, EdgeRequestState state, ForwarderError error)
    {
        state.Error = error;
        if (error is ForwarderError.RequestCanceled or ForwarderError.ResponseBodyClient or ForwarderError.ResponseBodyDestination or ForwarderError.Upgrade)
        {
            // Nobody to answer, or the response is already under way: never let an empty 200 go out instead.
            if (!context.Response.HasStarted)
            {
                context.Abort();
            }

            return Task.CompletedTask;
        }

        var (status, title, detail) = ProblemWriter.Describe(error);
        return ProblemWriter.WriteAsync(context, status, title, detail);
    }
}
