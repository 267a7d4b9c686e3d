using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bff.Clients.Results;
using Bff.Contracts;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Bff.Clients.Http;

/// <summary>
/// The one place where HTTP meets results: sends a request, reads the JSON or the problem document, and turns
/// every expected failure (status, transport, timeout, open circuit, bad JSON) into a <see cref="ServiceError"/>.
/// Only the caller's own cancellation leaves as an exception.
/// </summary>
internal sealed class DomainHttp(HttpClient client, string service, ILogger logger)
{
    public string Service => service;

    public Task<ServiceResult<T>> GetAsync<T>(string relativeUri, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(relativeUri, UriKind.Relative)), responseType, cancellationToken);

    public Task<ServiceResult<TResponse>> PostAsync<TBody, TResponse>(
        string relativeUri,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(relativeUri, UriKind.Relative))
        {
            Content = JsonContent.Create(body, bodyType),
        };
        return SendAsync(request, responseType, cancellationToken);
    }

    /// <summary>A failure decided by the client itself: nothing is sent, so there is no status.</summary>
    public ServiceError Refusal(string message) => new(ServiceErrorKind.BadRequest, service, message);

    /// <inheritdoc cref="Refusal"/>
    public ServiceResult<T> Refuse<T>(string message) => ServiceResult<T>.Failure(Refusal(message));

    private async Task<ServiceResult<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using (request)
        {
            var error = default(ServiceError);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var result = await ReadValueAsync(response, responseType, cancellationToken).ConfigureAwait(false);
                    error = result.Error;
                    return result;
                }

                error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (BrokenCircuitException)
            {
                error = new ServiceError(ServiceErrorKind.CircuitOpen, service, $"The circuit of {service} is open; the call was not made.");
            }
            catch (TimeoutRejectedException ex)
            {
                error = new ServiceError(ServiceErrorKind.Timeout, service, $"{service} did not answer within {ex.Timeout}.");
            }
            catch (OperationCanceledException)
            {
                // HttpClient.Timeout, when a client is used without the resilience handler.
                error = new ServiceError(ServiceErrorKind.Timeout, service, $"{service} did not answer in time.");
            }
            catch (HttpRequestException ex)
            {
                error = new ServiceError(ServiceErrorKind.Unavailable, service, $"{service} could not be reached: {ex.Message}", (int?)ex.StatusCode);
            }
            catch (IOException ex)
            {
                error = new ServiceError(ServiceErrorKind.Unavailable, service, $"The answer of {service} was cut: {ex.Message}");
            }
            finally
            {
                if (error is not null)
                {
                    var path = request.RequestUri?.OriginalString ?? string.Empty;
                    if (error.IsTransient || error.Kind == ServiceErrorKind.InvalidResponse)
                    {
                        ClientsLog.CallFailed(logger, service, request.Method.Method, path, error.Kind, error.Status, error.Message);
                    }
                    else
                    {
                        ClientsLog.CallRefused(logger, service, request.Method.Method, path, error.Kind, error.Status, error.Message);
                    }
                }
            }

            return ServiceResult<T>.Failure(error);
        }
    }

    private async Task<ServiceResult<T>> ReadValueAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (!IsJson(response))
        {
            return Invalid<T>(status, $"{service} answered {status} with content type '{response.Content.Headers.ContentType?.MediaType}' instead of JSON.");
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
                return value is null
                    ? Invalid<T>(status, $"{service} answered {status} with a null body.")
                    : ServiceResult<T>.Success(value);
            }
        }
        catch (JsonException ex)
        {
            return Invalid<T>(status, $"{service} answered {status} with malformed JSON: {ex.Message}");
        }
    }

    private ServiceResult<T> Invalid<T>(int status, string message) =>
        ServiceResult<T>.Failure(new ServiceError(ServiceErrorKind.InvalidResponse, service, message, status));

    private async Task<ServiceError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ApiProblem? problem = null;
        if (IsJson(response))
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    problem = await JsonSerializer.DeserializeAsync(stream, ContractsJsonContext.Default.ApiProblem, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException)
            {
                // A broken error body still leaves the status to go by.
            }
        }

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

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
