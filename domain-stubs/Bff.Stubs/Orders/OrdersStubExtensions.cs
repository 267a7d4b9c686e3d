using Bff.Stubs.Hosting;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Orders;

/// <summary>Wiring of the orders service stub (port 5202).</summary>
internal static class OrdersStubExtensions
{
    public static WebApplicationBuilder AddOrdersStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProductPrices>();
        builder.Services.AddSeeded<OrderStore>();
        return builder;
    }

    public static WebApplication MapOrdersStub(this WebApplication app)
    {
        var api = app.MapStubApi();
        api.MapGet("/orders/{id}", OrderEndpoints.GetById);
        api.MapGet("/orders", OrderEndpoints.List);
        api.MapGet("/orders/recent", OrderEndpoints.Recent);
        api.MapPost("/orders", OrderEndpoints.Place);
        return app;
    }
}
