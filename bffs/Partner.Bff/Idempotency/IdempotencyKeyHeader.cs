using Partner.Bff.Errors;

namespace Partner.Bff.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header): required on order placement;
/// 1..255 visible ASCII characters, sent bare or as a quoted structured-field string. Missing: 400 (the draft's answer).
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool TryRead(HttpContext context, out string key, out IResult? problem)
    {
        key = string.Empty;
        problem = null;
        var values = context.Request.Headers[Name];
        if (values.Count == 0)
        {
            problem = Problems.Problem(
                StatusCodes.Status400BadRequest, "Idempotency key required", $"Send an {Name} header (a unique value per order, such as a UUID).", ErrorCodes.IdempotencyKeyMissing);
            return false;
        }

        var value = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (value.Length is 0 or > MaxLength || value.Any(c => c is < '!' or > '~'))
        {
            problem = Problems.Problem(
                StatusCodes.Status400BadRequest, "Invalid idempotency key", $"{Name} must be one value of 1 to {MaxLength} visible ASCII characters.", ErrorCodes.IdempotencyKeyInvalid);
            return false;
        }

        key = value;
        return true;
    }
}
