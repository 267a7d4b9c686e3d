using System.Net;
using Polly;
using Polly.Timeout;

namespace Bff.ServiceDefaults.Resilience;

/// <summary>Which outcomes of one attempt are worth a retry or count against the circuit.</summary>
internal static class TransientOutcome
{
    /// <summary>Connection failures, attempt timeouts, 408, 429 and 5xx except 501 (which will never succeed).</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception is HttpRequestException or TimeoutRejectedException
            : outcome.Result is { } response && IsTransient(response.StatusCode);

    /// <summary>
    /// Like <see cref="IsTransient(Outcome{HttpResponseMessage})"/> but without 429: a downstream shedding load
    /// on purpose is healthy, and opening its circuit would turn back-pressure into an outage.
    /// </summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;

    /// <summary>Methods that may be sent twice with the same effect (RFC 9110 section 9.2.2).</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Trace;

    /// <summary>A short description for logs.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : $"HTTP {(int?)outcome.Result?.StatusCode}";

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);
}
