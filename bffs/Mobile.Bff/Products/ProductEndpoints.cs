using Mobile.Bff.Http;
using Mobile.Bff.Products;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>GET /mobile/products/{id}</c>.</summary>
internal static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mobile/products/{id}", (string id, HttpContext context, ProductScreen screen) =>
            ResourceId.TryParse(id, out var productId)
                ? screen.RenderAsync(context, productId)
                : Task.FromResult(MobileProblems.InvalidId(id))).RequireAuthorization(MobileCallerPolicy.Name);
        return endpoints;
    }
}
