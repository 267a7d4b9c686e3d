namespace Bff.ServiceDefaults.Resilience;

/// <summary>Reads the <c>Retry-After</c> header of a 429 or 503 (RFC 9110 section 10.2.3): seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
