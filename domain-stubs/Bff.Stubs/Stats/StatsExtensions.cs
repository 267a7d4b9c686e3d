namespace Bff.Stubs.Stats;

/// <summary><c>GET /_stub/stats</c> and <c>DELETE /_stub/stats</c> (the counts, and a reset).</summary>
internal static class StatsExtensions
{
    public static IServiceCollection AddStubStats(this IServiceCollection services) =>
        services.AddSingleton<RequestStats>();

    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_stub/stats", (RequestStats stats) => TypedResults.Ok(stats.Snapshot()));
        endpoints.MapDelete("/_stub/stats", (RequestStats stats) =>
        {
            stats.Reset();
            return TypedResults.NoContent();
        });
        return endpoints;
    }
}
