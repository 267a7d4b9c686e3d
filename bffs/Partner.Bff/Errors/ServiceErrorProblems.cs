using Bff.Clients.Results;
using Bff.Contracts;

namespace Partner.Bff.Errors;

/// <summary>Turns a failed read of a domain service into this API's problem document.</summary>
internal static class ServiceErrorProblems
{
    public static IResult ForRead(HttpContext context, ServiceError error, string what) => error.Kind switch
    {
        ServiceErrorKind.NotFound => Problems.NotFound(what),

        // Our own cursor was valid, so the domain's cursor inside it was issued by a service instance whose key changed.
        ServiceErrorKind.BadRequest when error.Problem?.Code == ProblemCodes.InvalidCursor => Problems.Problem(
            StatusCodes.Status400BadRequest, "Invalid cursor", "The cursor has expired; start again from the first page.", ErrorCodes.InvalidCursor),
        ServiceErrorKind.Timeout => Problems.Upstream(context, timedOut: true),
        _ => Problems.Upstream(context, timedOut: false),
    };
}
