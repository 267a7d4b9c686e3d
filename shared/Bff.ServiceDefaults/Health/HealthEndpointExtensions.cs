using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.ServiceDefaults.Health;

internal static class HealthEndpointExtensions
{
    /// <summary>Tag for checks that must pass before a service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag for ready checks whose description <c>/readyz</c> shows in a <c>Readiness-Detail</c> header (which store a service uses).</summary>
    public const string DetailTag = "detail";

    public const string DetailHeader = "Readiness-Detail";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Alive means the process answers: no dependency is consulted.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync });
    }

    // The body stays the bare status word that probes and scripts read; the details go in a header.
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Tags.Contains(DetailTag) && entry.Description is { Length: > 0 } description)
            {
                context.Response.Headers.Append(DetailHeader, $"{name}: {description}");
            }
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
