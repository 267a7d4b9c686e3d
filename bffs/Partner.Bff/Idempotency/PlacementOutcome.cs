using Bff.Clients.Results;
using Bff.Contracts.Orders;

namespace Partner.Bff.Idempotency;

/// <summary>
/// What placing an order produced, kept in the domain's terms so each API version renders a replay in its own shape:
/// the created order, or the domain service's refusal.
/// </summary>
/// <param name="Order">The created order.</param>
/// <param name="Error">Why no order was created, or whether that is unknown (timeouts).</param>
internal sealed record PlacementOutcome(Order? Order, ServiceError? Error)
{
    /// <summary>
    /// True when the outcome must not be replayed: the service may not have been reached, or may have placed the
    /// order after all, so the next attempt with the key is let through to decide.
    /// </summary>
    public bool IsTransient => Error is { } error && error.Kind is not (ServiceErrorKind.BadRequest or ServiceErrorKind.NotFound);
}
