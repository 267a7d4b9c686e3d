using System.Globalization;
using Bff.Clients.Results;
using Microsoft.Net.Http.Headers;

namespace Mobile.Bff.Http;

/// <summary>The RFC 9457 problem documents of this BFF, each with a <c>code</c> extension the app can branch on.</summary>
internal static class MobileProblems
{
    public static IResult InvalidId(string value) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{Shorten(value)}' is not a positive integer id.", "invalid_id");

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"No such {what}.", "not_found");

    /// <summary>503 with <c>Retry-After</c>: the section the screen cannot render without did not answer.</summary>
    public static IResult CoreUnavailable(HttpContext context, string section, ServiceError? error, TimeSpan retryAfter)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var reason = error?.Kind == ServiceErrorKind.Timeout ? "did not answer in time" : "is unavailable";
        return Problem(
            StatusCodes.Status503ServiceUnavailable,
            "Screen unavailable",
            $"The {section} section, which this screen needs, {reason}; try again later.",
            "core_section_unavailable",
            new Dictionary<string, object?> { ["section"] = section });
    }

    public static IResult Problem(int status, string title, string detail, string code, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            type: $"https://httpstatuses.io/{status.ToString(CultureInfo.InvariantCulture)}",
            extensions: all);
    }

    // The id comes from the caller: echo a bounded piece of it only.
    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "...";
}
