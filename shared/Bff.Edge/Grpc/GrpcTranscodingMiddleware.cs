using System.Text.Json;
using Bff.Edge.Forwarding;
using Bff.Edge.Hosting;
using Bff.Edge.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Grpc;

/// <summary>
/// Terminal for routes with a <c>Grpc</c> section: JSON request body to a protobuf message, one unary gRPC call to
/// a destination of the route's cluster, the reply back to JSON, a gRPC error status to its HTTP status and a
/// problem. Other routes pass straight through to forwarding, without an async state machine.
/// </summary>
internal sealed class GrpcTranscodingMiddleware
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly RequestDelegate _next;
    private readonly HttpMessageInvoker _invoker;
    private readonly ILogger<GrpcTranscodingMiddleware> _logger;

    public GrpcTranscodingMiddleware(RequestDelegate next, HttpMessageInvoker invoker, ILogger<GrpcTranscodingMiddleware> logger)
    {
        _next = next;
        _invoker = invoker;
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var state = context.Features.Get<EdgeRequestState>()!;
        return state.Route!.Config.Grpc is { } grpc ? TranscodeAsync(context, state, state.Route, grpc) : _next(context);
    }

    private static Task SetAllow(HttpResponse response)
    {
        response.Headers.Allow = "POST";
        return Task.CompletedTask;
    }

    private async Task TranscodeAsync(HttpContext context, EdgeRequestState state, EdgeRoute route, RouteGrpcConfig grpc)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            // On start: the problem writer begins from a cleared response.
            context.Response.OnStarting(static response => SetAllow((HttpResponse)response), context.Response);
            await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "This route takes POST with a JSON body.").ConfigureAwait(false);
            return;
        }

        if (!GrpcMethodCatalog.TryGet(grpc, out var method, out var loadError))
        {
            // Validation refuses such a config at load; only a config built in code can get here.
            GrpcLog.MethodUnavailable(_logger, route.Id, loadError);
            await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, "The route's gRPC method is not available.").ConfigureAwait(false);
            return;
        }

        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "The request body must be application/json.").ConfigureAwait(false);
            return;
        }

        byte[] message;
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, JsonOptions, context.RequestAborted).ConfigureAwait(false);
            if (!ProtoJsonReader.TryConvert(json.RootElement, method.Input, out var bytes, out var error))
            {
                await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, $"The request body does not fit {method.Input.FullName}: {error}").ConfigureAwait(false);
                return;
            }

            message = bytes;
        }
        catch (JsonException ex)
        {
            await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            var tooLarge = ex.StatusCode == StatusCodes.Status413PayloadTooLarge;
            state.Error = tooLarge ? ForwarderError.RequestBodyTooLarge : ForwarderError.RequestBodyClient;
            await GrpcProblemWriter.WriteAsync(context, ex.StatusCode, tooLarge ? "The request body exceeds this route's limit." : "The request body could not be read.").ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            state.Error = ForwarderError.RequestCanceled;
            context.Abort();
            return;
        }

        await CallAsync(context, state, route, method, message).ConfigureAwait(false);
    }

    private async Task CallAsync(HttpContext context, EdgeRequestState state, EdgeRoute route, GrpcMethod method, byte[] message)
    {
        var cluster = route.Cluster;
        var destination = cluster.PickDestination();
        if (destination is null)
        {
            state.Error = ForwarderError.NoAvailableDestination;
            await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "No healthy destination is available for this route.").ConfigureAwait(false);
            return;
        }

        state.Destination = destination;
        var uri = UpstreamUri.Create(destination.Address.TrimEnd('/'), method.Path, null);
        GrpcCallResult result;
        destination.RequestStarted();
        try
        {
            result = await GrpcUnaryClient.CallAsync(_invoker, uri, cluster.HttpVersion, cluster.VersionPolicy, message, route.Timeout, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            state.Error = ForwarderError.RequestCanceled;
            context.Abort();
            return;
        }
        finally
        {
            destination.RequestEnded();
        }

        var destinationFailed = result.Outcome is GrpcCallOutcome.Unreachable or GrpcCallOutcome.Failed or GrpcCallOutcome.TimedOut
            || (result.Outcome == GrpcCallOutcome.Status && result.Status == GrpcStatusMapping.Unavailable);
        cluster.ReportOutcome(destination, destinationFailed);

        switch (result.Outcome)
        {
            case GrpcCallOutcome.Ok:
                await WriteReplyAsync(context, state, route, method, destination.Address, result.Reply).ConfigureAwait(false);
                break;
            case GrpcCallOutcome.Status:
                var (name, status) = GrpcStatusMapping.Map(result.Status);
                var detail = string.IsNullOrEmpty(result.Message) ? $"The upstream answered gRPC status {name}." : result.Message;
                await GrpcProblemWriter.WriteAsync(context, status, detail, name).ConfigureAwait(false);
                break;
            default:
                GrpcLog.CallFailed(_logger, method.Path, route.Id, destination.Address, result.Outcome, result.Message!);
                state.Error = result.Outcome switch
                {
                    GrpcCallOutcome.Unreachable => ForwarderError.UpstreamConnect,
                    GrpcCallOutcome.TimedOut => ForwarderError.UpstreamTimeout,
                    _ => ForwarderError.UpstreamRequest,
                };
                var httpStatus = result.Outcome == GrpcCallOutcome.TimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
                await GrpcProblemWriter.WriteAsync(context, httpStatus, result.Message!).ConfigureAwait(false);
                break;
        }
    }

    private async Task WriteReplyAsync(HttpContext context, EdgeRequestState state, EdgeRoute route, GrpcMethod method, string destination, ReadOnlyMemory<byte> reply)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!ProtoJsonWriter.TryWrite(reply, method.Output, writer, out var error))
            {
                GrpcLog.CallFailed(_logger, method.Path, route.Id, destination, GrpcCallOutcome.Failed, error!);
                state.Error = ForwarderError.UpstreamRequest;
                await GrpcProblemWriter.WriteAsync(context, StatusCodes.Status502BadGateway, $"The upstream's reply does not fit {method.Output.FullName}.").ConfigureAwait(false);
                return;
            }
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        mediaType = (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
