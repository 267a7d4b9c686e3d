using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bff.RateLimiting;

/// <summary>Writes a <see cref="RateLimitDecision"/> onto an ASP.NET Core response.</summary>
public static class RateLimitHttpExtensions
{
    private const string QuotaExceeded = "https://iana.org/assignments/http-problem-types#quota-exceeded";
    private const string ReducedCapacity = "https://iana.org/assignments/http-problem-types#temporary-reduced-capacity";

    /// <summary>
    /// Sets <c>RateLimit-Policy</c> and <c>RateLimit</c> (and <c>Retry-After</c> when denied). Call before the response
    /// starts: on an allowed request, before passing it on.
    /// </summary>
    public static void SetRateLimitHeaders(this HttpResponse response, in RateLimitDecision decision)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[RateLimitHeaders.PolicyHeader] = RateLimitHeaders.FormatPolicy(decision.Policy);
        headers[RateLimitHeaders.RateLimitHeader] = RateLimitHeaders.FormatRateLimit(decision);
        if (!decision.IsAllowed)
        {
            headers[RateLimitHeaders.RetryAfterHeader] = RateLimitHeaders.RetryAfterSeconds(decision).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Answers a denied request: 429 with the draft's <c>quota-exceeded</c> problem (RFC 9457), or 503 with
    /// <c>temporary-reduced-capacity</c> when the denial is Redis failing closed (the client did nothing wrong);
    /// both with <c>Retry-After</c> and the rate limit headers.
    /// </summary>
    public static async Task WriteRateLimitRejectionAsync(this HttpResponse response, RateLimitDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (decision.IsAllowed)
        {
            throw new ArgumentException("Only a denied decision is written as a rejection.", nameof(decision));
        }

        var failClosed = decision.Source == RateLimitSource.FailClosed;
        var status = failClosed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
        var retryAfter = RateLimitHeaders.RetryAfterSeconds(decision);
        response.StatusCode = status;
        response.SetRateLimitHeaders(decision);
        response.ContentType = "application/problem+json";

        using var body = new MemoryStream();
        await using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("type", failClosed ? ReducedCapacity : QuotaExceeded);
            json.WriteString("title", failClosed
                ? "Request cannot be satisfied due to temporary server capacity constraints"
                : "Request cannot be satisfied as assigned quota has been exceeded");
            json.WriteNumber("status", status);
            json.WriteString("detail", failClosed
                ? $"Rate limiting is unavailable; retry after {retryAfter} s."
                : $"The '{decision.Policy.Name}' quota is used up; retry after {retryAfter} s.");
            json.WriteStartArray("violated-policies");
            json.WriteStringValue(decision.Policy.Name);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken).ConfigureAwait(false);
    }
}
