using Mobile.Bff.Http;
using Mobile.Bff.Orders;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>GET /mobile/orders/{id}</c>.</summary>
internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mobile/orders/{id}", (string id, HttpContext context, OrderScreen screen) =>
        {
            if (!Caller.TryGetUserId(context, out var userId, out var problem))
            {
                return Task.FromResult(problem!);
            }

            return ResourceId.TryParse(id, out var orderId)
                ? screen.RenderAsync(context, userId, orderId)
                : Task.FromResult(MobileProblems.InvalidId(id));
        }).RequireAuthorization(MobileCallerPolicy.Name);
        return endpoints;
    }
}
