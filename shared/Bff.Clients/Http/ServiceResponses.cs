using System.Net;
using System.Text.Json;
using Bff.Clients.Results;
using Bff.Contracts;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Bff.Clients.Http;

/// <summary>
/// The one place where HTTP meets results: turns the <see cref="IApiResponse{T}"/> of any Refit call into a
/// <see cref="ServiceResult{T}"/>, every expected failure (status, problem document, transport, timeout, open
/// circuit, a 2xx that is not the expected JSON) into a <see cref="ServiceError"/>. Only the caller's own
/// cancellation leaves as an exception (Refit rethrows it instead of wrapping it).
/// </summary>
internal sealed class ServiceResponses(string service, ILogger logger)
{
    public string Service => service;

    public async Task<ServiceResult<T>> ToResultAsync<T>(Task<IApiResponse<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var response = await call.ConfigureAwait(false);
        var result = ToResult(response);
        if (!result.IsSuccess)
        {
            Log(response.RequestMessage, result.Error);
        }

        return result;
    }

    /// <summary>A failure decided by the client itself: nothing is sent, so there is no status.</summary>
    public ServiceError Refusal(string message) => new(ServiceErrorKind.BadRequest, service, message);

    /// <inheritdoc cref="Refusal"/>
    public ServiceResult<T> Refuse<T>(string message) => ServiceResult<T>.Failure(Refusal(message));

    private ServiceResult<T> ToResult<T>(IApiResponse<T> response)
    {
        if (response.Error is ApiRequestException { InnerException: var cause })
        {
            return ServiceResult<T>.Failure(TransportError(cause));
        }

        var status = (int)response.StatusCode!;
        if (!response.IsSuccessStatusCode)
        {
            return ServiceResult<T>.Failure(StatusError(response, status));
        }

        if (!IsJson(response.ContentHeaders?.ContentType?.MediaType))
        {
            return Invalid<T>(status, $"{service} answered {status} with content type '{response.ContentHeaders?.ContentType?.MediaType}' instead of JSON.");
        }

        if (response.Error is { } error)
        {
            return Invalid<T>(status, $"{service} answered {status} with malformed JSON: {(error.InnerException ?? error).Message}");
        }

        return response.Content is { } value
            ? ServiceResult<T>.Success(value)
            : Invalid<T>(status, $"{service} answered {status} with a null body.");
    }

    private ServiceError TransportError(Exception? cause) => cause switch
    {
        BrokenCircuitException => new(ServiceErrorKind.CircuitOpen, service, $"The circuit of {service} is open; the call was not made."),
        TimeoutRejectedException timeout => new(ServiceErrorKind.Timeout, service, $"{service} did not answer within {timeout.Timeout}."),

        // HttpClient.Timeout, when a client is used without the resilience handler.
        OperationCanceledException => new(ServiceErrorKind.Timeout, service, $"{service} did not answer in time."),
        HttpRequestException http => new(ServiceErrorKind.Unavailable, service, $"{service} could not be reached: {http.Message}", (int?)http.StatusCode),
        IOException io => new(ServiceErrorKind.Unavailable, service, $"The answer of {service} was cut: {io.Message}"),
        _ => new(ServiceErrorKind.Unavailable, service, $"{service} could not be reached: {cause?.Message}"),
    };

    private ServiceError StatusError(IApiResponse response, int status)
    {
        var problem = response.Error is ApiException { Content: { Length: > 0 } content } && IsJson(response.ContentHeaders?.ContentType?.MediaType)
            ? ReadProblem(content)
            : null;
        var kind = response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity => ServiceErrorKind.BadRequest,
            HttpStatusCode.NotFound => ServiceErrorKind.NotFound,
            HttpStatusCode.RequestTimeout => ServiceErrorKind.Timeout,
            HttpStatusCode.TooManyRequests => ServiceErrorKind.Unavailable,
            _ when status >= 500 => ServiceErrorKind.Unavailable,
            _ => ServiceErrorKind.Rejected,
        };
        var message = problem?.Detail ?? problem?.Title ?? $"{service} answered {status} {response.ReasonPhrase}.";
        return new ServiceError(kind, service, message, status, problem);
    }

    private static ApiProblem? ReadProblem(string content)
    {
        try
        {
            return JsonSerializer.Deserialize(content, ContractsJsonContext.Default.ApiProblem);
        }
        catch (JsonException)
        {
            // A broken error body still leaves the status to go by.
            return null;
        }
    }

    private ServiceResult<T> Invalid<T>(int status, string message) =>
        ServiceResult<T>.Failure(new ServiceError(ServiceErrorKind.InvalidResponse, service, message, status));

    private void Log(HttpRequestMessage? request, ServiceError error)
    {
        var method = request?.Method.Method ?? "?";
        var path = request?.RequestUri?.PathAndQuery ?? string.Empty;
        if (error.IsTransient || error.Kind == ServiceErrorKind.InvalidResponse)
        {
            ClientsLog.CallFailed(logger, service, method, path, error.Kind, error.Status, error.Message);
        }
        else
        {
            ClientsLog.CallRefused(logger, service, method, path, error.Kind, error.Status, error.Message);
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
