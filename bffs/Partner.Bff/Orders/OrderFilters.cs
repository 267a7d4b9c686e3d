using Bff.Contracts.Orders;
using Partner.Bff.Errors;

namespace Partner.Bff.Orders;

/// <summary>Validates the order list's <c>status</c> filter (the same in every version).</summary>
internal static class OrderFilters
{
    public static bool TryStatus(string? status, out IResult? problem)
    {
        problem = status is null || OrderStatus.All.Contains(status, StringComparer.Ordinal)
            ? null
            : Problems.InvalidQuery("status", $"must be one of {string.Join(", ", OrderStatus.All)}.");
        return problem is null;
    }
}
