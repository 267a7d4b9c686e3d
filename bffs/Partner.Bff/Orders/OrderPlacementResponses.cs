using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Bff.Clients.Results;
using Bff.Contracts.Orders;
using Partner.Bff.Errors;
using Partner.Bff.Http;
using Partner.Bff.Idempotency;

namespace Partner.Bff.Orders;

/// <summary>The steps of order placement every version shares: the scope and key checks before, the answer after.</summary>
internal static class OrderPlacementResponses
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>403 without <c>partner.write</c>, then 400 without a usable <c>Idempotency-Key</c>.</summary>
    public static bool TryAdmit(HttpContext context, out PartnerCaller caller, out string key, out IResult? problem)
    {
        caller = context.Features.GetRequiredFeature<PartnerCaller>();
        key = string.Empty;
        if (!caller.CanWrite)
        {
            problem = Problems.Forbidden($"Placing orders needs the scope {PartnerScopes.Write}.", ErrorCodes.InsufficientScope);
            return false;
        }

        return IdempotencyKeyHeader.TryRead(context, out key, out problem);
    }

    /// <summary>
    /// 201 with the version's order and <c>Location</c> (the same for a replay, marked <c>Idempotent-Replayed: true</c>);
    /// 422 when the key was used for another order or the orders service refused the order; 409 while another replica
    /// places with the key; 503 when the shared key store cannot be asked. Each refusal with <c>Retry-After</c> where a retry helps.
    /// </summary>
    public static IResult Answer<TOrder>(HttpContext context, IdempotencyLookup lookup, string version, Func<Order, TOrder> map, Func<string, string> fieldName)
    {
        switch (lookup.Refusal)
        {
            case IdempotencyRefusal.KeyReused:
                return Problems.Problem(
                    StatusCodes.Status422UnprocessableEntity,
                    "Idempotency key reused",
                    $"This {IdempotencyKeyHeader.Name} was already used for a different order; use a new key for a new order.",
                    ErrorCodes.IdempotencyKeyReused);
            case IdempotencyRefusal.InFlight:
                context.Response.Headers[HeaderNames.RetryAfter] = "1";
                return Problems.Problem(
                    StatusCodes.Status409Conflict,
                    "Idempotency key in flight",
                    $"An order with this {IdempotencyKeyHeader.Name} is being placed right now; retry after a moment to get its result.",
                    ErrorCodes.IdempotencyKeyInFlight);
            case IdempotencyRefusal.StoreUnavailable:
                context.Response.Headers[HeaderNames.RetryAfter] = "1";
                return Problems.Problem(
                    StatusCodes.Status503ServiceUnavailable,
                    "Idempotency store unavailable",
                    $"Whether this {IdempotencyKeyHeader.Name} was used cannot be checked right now, so no order was placed; retry later.",
                    ErrorCodes.IdempotencyStoreUnavailable);
        }

        var outcome = lookup.Outcome!;
        if (outcome.Order is { } order)
        {
            if (lookup.Replayed)
            {
                context.Response.Headers[ReplayedHeader] = "true";
            }

            return Results.Created($"/partner/{version}/orders/{order.Id}", map(order));
        }

        var error = outcome.Error!;
        if (error.Kind is ServiceErrorKind.BadRequest or ServiceErrorKind.NotFound)
        {
            var errors = error.Problem?.Errors?.ToDictionary(e => fieldName(e.Key), e => e.Value, StringComparer.Ordinal);
            return Problems.Problem(
                StatusCodes.Status422UnprocessableEntity,
                "Order rejected",
                error.Problem?.Detail ?? "The orders service refused the order.",
                ErrorCodes.OrderRejected,
                errors);
        }

        return Problems.Upstream(context, error.Kind == ServiceErrorKind.Timeout);
    }
}
