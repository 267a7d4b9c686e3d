using Mobile.Bff.Home;
using Mobile.Bff.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>GET /mobile/home</c>.</summary>
internal static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mobile/home", (HttpContext context, HomeScreen screen) =>
            Caller.TryGetUserId(context, out var userId, out var problem)
                ? screen.RenderAsync(context, userId)
                : Task.FromResult(problem!)).RequireAuthorization(MobileCallerPolicy.Name);
        return endpoints;
    }
}
