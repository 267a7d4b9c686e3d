using Bff.Contracts;

namespace Bff.Clients.Results;

/// <summary>
/// An expected failure of a domain call, ready to become a degraded section or a problem document.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Service">The domain service called (<c>users</c>, <c>orders</c>, <c>products</c>, <c>reviews</c>).</param>
/// <param name="Message">A short human-readable reason (the problem's detail when the service sent one).</param>
/// <param name="Status">The HTTP status answered, or null when no answer was received (or the call was never made).</param>
/// <param name="Problem">The service's RFC 9457 problem document, when it sent one.</param>
public sealed record ServiceError(
    ServiceErrorKind Kind,
    string Service,
    string Message,
    int? Status = null,
    ApiProblem? Problem = null)
{
    /// <summary>True for failures that may pass on their own (unavailable, timeout, open circuit).</summary>
    public bool IsTransient => Kind is ServiceErrorKind.Unavailable or ServiceErrorKind.Timeout or ServiceErrorKind.CircuitOpen;
}
