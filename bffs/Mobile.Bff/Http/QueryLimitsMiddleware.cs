using Microsoft.Extensions.Options;

namespace Mobile.Bff.Http;

/// <summary>
/// Refuses a query string that is too long, has too many parameters, or repeats one, with 400 problem+json,
/// before any work: the screens take (almost) no parameters, so such a query is a probe or a broken client.
/// </summary>
internal sealed class QueryLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var request = context.Request;
        string? problem = null;
        if (request.QueryString.HasValue)
        {
            if (request.QueryString.Value!.Length > limits.MaxQueryLength)
            {
                problem = $"The query string is longer than {limits.MaxQueryLength} characters.";
            }
            else if (request.Query.Count > limits.MaxQueryParameters)
            {
                problem = $"The query string has more than {limits.MaxQueryParameters} parameters.";
            }
            else if (request.Query.Any(p => p.Value.Count > 1 || p.Key.Length == 0))
            {
                problem = "The query string repeats a parameter or has one without a name.";
            }
        }

        return problem is null
            ? next(context)
            : MobileProblems.Problem(StatusCodes.Status400BadRequest, "Invalid query string", problem, "invalid_query").ExecuteAsync(context);
    }
}
