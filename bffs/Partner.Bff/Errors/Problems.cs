using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Partner.Bff.Errors;

/// <summary>Builds the problem documents of this API; every one carries a <see cref="ErrorCodes"/> value.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult InvalidId(string value) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{Shorten(value)}' is not a positive integer id.", ErrorCodes.InvalidId);

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"No such {what}.", ErrorCodes.NotFound);

    public static IResult InvalidQuery(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", $"{parameter}: {detail}", ErrorCodes.InvalidQuery);

    public static IResult InvalidBody(IReadOnlyDictionary<string, string[]> errors, string code = ErrorCodes.InvalidBody) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request body", "The request body is not a valid order; see errors.", code, errors);

    public static IResult Forbidden(string detail, string code) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, code);

    /// <summary>A domain service did not answer usefully: 504 when it timed out, else 503 with <c>Retry-After</c>.</summary>
    public static IResult Upstream(HttpContext context, bool timedOut)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = "1";
        return timedOut
            ? Problem(StatusCodes.Status504GatewayTimeout, "Upstream timeout", "A service behind this API did not answer in time; retry later.", ErrorCodes.UpstreamTimeout)
            : Problem(StatusCodes.Status503ServiceUnavailable, "Upstream unavailable", "A service behind this API is unavailable; retry later.", ErrorCodes.UpstreamUnavailable);
    }

    public static IResult Problem(int status, string title, string detail, string code, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }

        return Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            type: $"https://httpstatuses.io/{status.ToString(CultureInfo.InvariantCulture)}",
            extensions: extensions);
    }

    // Values come from the caller: echo a bounded piece only.
    public static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "...";
}
