using Bff.Clients;
using Bff.Clients.Configuration;
using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Reviews;
using Bff.Clients.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed clients of the four domain services.</summary>
public static class DomainClientsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IUsersClient"/>, <see cref="IOrdersClient"/>, <see cref="IProductsClient"/> and
    /// <see cref="IReviewsClient"/>, with base URLs from <c>DomainServices:{Users,Orders,Products,Reviews}:BaseUrl</c>
    /// (validated at start) and the resilience handler of each service (<c>Resilience:Default</c>,
    /// <c>Resilience:users</c>...).
    /// </summary>
    /// <returns>The four client builders, to chain more handlers.</returns>
    public static DomainClientsBuilder AddDomainClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DomainServicesOptions>()
            .Bind(configuration.GetSection(DomainServicesOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DomainServicesOptions>, DomainServicesOptionsValidator>());

        var users = services.AddHttpClient<IUsersClient, UsersClient>((sp, client) =>
                client.BaseAddress = DomainServicesOptions.ToBaseAddress(Options(sp).Users))
            .AddResilience(DomainServiceNames.Users);
        var orders = services.AddHttpClient<IOrdersClient, OrdersClient>((sp, client) =>
                client.BaseAddress = DomainServicesOptions.ToBaseAddress(Options(sp).Orders))
            .AddResilience(DomainServiceNames.Orders);
        var products = services.AddHttpClient<IProductsClient, ProductsClient>((sp, client) =>
                client.BaseAddress = DomainServicesOptions.ToBaseAddress(Options(sp).Products))
            .AddResilience(DomainServiceNames.Products);
        var reviews = services.AddHttpClient<IReviewsClient, ReviewsClient>((sp, client) =>
                client.BaseAddress = DomainServicesOptions.ToBaseAddress(Options(sp).Reviews))
            .AddResilience(DomainServiceNames.Reviews);

        return new DomainClientsBuilder(services, users, orders, products, reviews);
    }

    private static DomainServicesOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DomainServicesOptions>>().Value;
}
