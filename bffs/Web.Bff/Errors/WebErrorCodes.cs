namespace Web.Bff.Errors;

/// <summary>
/// The <c>extensions.code</c> values this BFF adds to the engine's own (<c>Bff.GraphQL.ErrorCodes</c>): a field whose
/// service failed resolves to null with one of these, and the rest of the page still answers.
/// </summary>
internal static class WebErrorCodes
{
    /// <summary>The service failed, refused the connection, answered 5xx/429, or its circuit is open.</summary>
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";

    /// <summary>The service did not answer within its timeout.</summary>
    public const string UpstreamTimeout = "UPSTREAM_TIMEOUT";

    /// <summary>The service declined the call (401, 403, 409...).</summary>
    public const string UpstreamRejected = "UPSTREAM_REJECTED";

    /// <summary>The object asked for does not exist (or is not the viewer's).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An argument is malformed (an id that is not a positive integer, a bad cursor, <c>first</c> out of range).</summary>
    public const string BadUserInput = global::Bff.GraphQL.ErrorCodes.BadUserInput;
}
