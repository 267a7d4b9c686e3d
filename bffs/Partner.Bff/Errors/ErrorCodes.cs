namespace Partner.Bff.Errors;

/// <summary>
/// The <c>code</c> of every problem document this API answers. Partners branch on these, so they are part of the
/// contract of every version: never rename or reuse one (the catalogue is in docs/partner-api.md).
/// </summary>
internal static class ErrorCodes
{
    public const string InvalidId = "invalid_id";
    public const string InvalidLimit = "invalid_limit";
    public const string InvalidCursor = "invalid_cursor";
    public const string InvalidQuery = "invalid_query";
    public const string InvalidBody = "invalid_body";
    public const string UnknownField = "unknown_field";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string IdempotencyKeyMissing = "idempotency_key_missing";
    public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInFlight = "idempotency_key_in_flight";
    public const string IdempotencyStoreUnavailable = "idempotency_store_unavailable";
    public const string OrderRejected = "order_rejected";
    public const string NotAPartner = "not_a_partner";
    public const string InsufficientScope = "insufficient_scope";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string InternalError = "internal_error";
}
