namespace Bff.Edge.Caching;

/// <summary>
/// Values of the <c>Cache-Status</c> response header (RFC 9211), all constants so the hit path allocates none.
/// <c>fwd</c> says why the request went upstream; <c>stored</c> that the answer is being kept;
/// <c>collapsed</c> that it waited for another request's identical fetch; <c>detail</c> why an answer was not kept.
/// </summary>
internal static class CacheStatus
{
    public const string HeaderName = "Cache-Status";

    public const string Hit = "bff-edge; hit";
    public const string HitCollapsed = "bff-edge; fwd=uri-miss; collapsed";
    public const string BypassMethod = "bff-edge; fwd=method";
    public const string BypassRequest = "bff-edge; fwd=request";

    /// <summary><c>bff-edge; fwd={miss}</c>, then <c>; stored</c> or <c>; detail=...</c>.</summary>
    public static string Forwarded(MissKind miss, string? notStoredReason) => (miss, notStoredReason) switch
    {
        (MissKind.Uri, null) => "bff-edge; fwd=uri-miss; stored",
        (MissKind.Vary, null) => "bff-edge; fwd=vary-miss; stored",
        (MissKind.Stale, null) => "bff-edge; fwd=stale; stored",
        _ => $"bff-edge; fwd={Name(miss)}; detail={notStoredReason}",
    };

    /// <summary><c>bff-edge; fwd={miss}</c>: forwarded and not meant to be stored (HEAD misses).</summary>
    public static string ForwardedOnly(MissKind miss) => miss switch
    {
        MissKind.Vary => "bff-edge; fwd=vary-miss",
        MissKind.Stale => "bff-edge; fwd=stale",
        _ => "bff-edge; fwd=uri-miss",
    };

    private static string Name(MissKind miss) => miss switch
    {
        MissKind.Vary => "vary-miss",
        MissKind.Stale => "stale",
        _ => "uri-miss",
    };
}
