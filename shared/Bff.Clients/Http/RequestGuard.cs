namespace Bff.Clients.Http;

/// <summary>
/// Checks done before any call, with the same limits as the services (domain-api.md), so a bad id or limit
/// costs no round trip and never reaches the breaker's statistics.
/// </summary>
internal static class RequestGuard
{
    /// <summary>Most ids a service accepts in one batch call; bigger batches are split into calls of this size.</summary>
    public const int MaxIdsPerCall = 100;

    /// <summary>Largest page of the paged lists.</summary>
    public const int MaxPageLimit = 100;

    /// <summary>Largest list of the short lists (recent orders, recommendations).</summary>
    public const int MaxShortListLimit = 20;

    /// <summary>Most reviews per product in one batch read of the reviews of many products.</summary>
    public const int MaxReviewsPerProduct = 50;

    public static string? CheckId(int id, string name = "id") =>
        id > 0 ? null : $"{name} must be a positive integer; was {id}.";

    public static string? CheckLimit(int? limit, int max) =>
        limit is null || (limit >= 1 && limit <= max) ? null : $"limit must be between 1 and {max}; was {limit}.";

    public static string? CheckRange(int value, string name, int max) =>
        value >= 1 && value <= max ? null : $"{name} must be between 1 and {max}; was {value}.";

    public static string? CheckIds(IEnumerable<int> ids, string name)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (id <= 0)
            {
                return $"{name} must all be positive integers; {id} is not.";
            }
        }

        return null;
    }
}
