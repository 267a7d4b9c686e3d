using Mobile.Bff.Home;
using Mobile.Bff.Orders;
using Mobile.Bff.Products;

namespace Microsoft.Extensions.Hosting;

/// <summary>The three screens of the app: home, product page, order page.</summary>
internal static class ScreensExtensions
{
    public static IHostApplicationBuilder AddScreens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HomeOptions>()
            .BindConfiguration(HomeOptions.SectionName)
            .Validate(o => o.RecentOrders is >= 1 and <= 20, $"{HomeOptions.SectionName}:RecentOrders must be 1..20.")
            .Validate(o => o.Recommendations is >= 1 and <= 20, $"{HomeOptions.SectionName}:Recommendations must be 1..20.")
            .ValidateOnStart();
        builder.Services.AddTransient<HomeScreen>();
        builder.Services.AddTransient<ProductScreen>();
        builder.Services.AddTransient<OrderScreen>();
        return builder;
    }
}
