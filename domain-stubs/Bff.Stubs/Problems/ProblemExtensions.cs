using Microsoft.AspNetCore.Http.Features;

namespace Bff.Stubs.Problems;

/// <summary>Makes every error the host itself produces (no route, wrong method, a crash) a problem document too.</summary>
internal static class ProblemExtensions
{
    public static IServiceCollection AddStubProblems(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("code", CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode));
        });

    public static WebApplication UseStubProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status404NotFound => Contracts.ProblemCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status415UnsupportedMediaType => Contracts.ProblemCodes.UnsupportedMediaType,
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
