using Bff.Stubs.Hosting;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Products;

/// <summary>Wiring of the products service stub (port 5203).</summary>
internal static class ProductsStubExtensions
{
    public static WebApplicationBuilder AddProductsStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeeded<ProductCatalog>();
        return builder;
    }

    public static WebApplication MapProductsStub(this WebApplication app)
    {
        var api = app.MapStubApi();
        api.MapGet("/products/{id}", ProductEndpoints.GetById);
        api.MapGet("/products", ProductEndpoints.List);
        api.MapGet("/products/categories", ProductEndpoints.Categories);
        api.MapGet("/products/recommended", ProductEndpoints.Recommended);
        return app;
    }
}
