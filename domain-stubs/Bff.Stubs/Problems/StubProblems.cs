using Bff.Contracts;

namespace Bff.Stubs.Problems;

/// <summary>The RFC 9457 answers of the stubs, each with its <c>code</c> extension (docs/domain-api.md, "Errors").</summary>
internal static class StubProblems
{
    public static IResult NotFound(string resource, int id) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found", $"{resource} {id} does not exist.");

    public static IResult InvalidId(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidId, "Invalid id", detail);

    public static IResult TooManyIds(int max) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.TooManyIds, "Too many ids", $"At most {max} ids may be asked at once.");

    public static IResult InvalidLimit(int max) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidLimit, "Invalid limit", $"limit must be an integer from 1 to {max}.");

    public static IResult InvalidCursor() =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidCursor, "Invalid cursor", "The cursor is malformed, modified or belongs to another query.");

    public static IResult InvalidQuery(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidQuery, "Invalid query parameter", detail);

    public static IResult UnsupportedMediaType(string expected) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Unsupported media type", $"The body must be {expected}.");

    public static IResult InvalidBody(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: "The body is malformed or has invalid values.",
            title: "Invalid body",
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.InvalidBody });

    public static IResult InvalidBody(string field, string message) =>
        InvalidBody(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult InjectedFault(int status) =>
        Create(status, ProblemCodes.InjectedFault, "Injected fault", "This failure was injected through /_stub/faults.");

    private static IResult Create(int status, string code, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
