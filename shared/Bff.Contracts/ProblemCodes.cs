namespace Bff.Contracts;

/// <summary>Values of the <c>code</c> extension of the domain services' problem documents.</summary>
public static class ProblemCodes
{
    public const string NotFound = "not_found";
    public const string InvalidId = "invalid_id";
    public const string TooManyIds = "too_many_ids";
    public const string InvalidCursor = "invalid_cursor";
    public const string InvalidLimit = "invalid_limit";
    public const string InvalidQuery = "invalid_query";
    public const string InvalidBody = "invalid_body";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InjectedFault = "injected_fault";
}
