using Bff.Clients;
using Bff.Clients.Configuration;
using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Reviews;
using Bff.Clients.Users;
using Bff.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed clients of the four domain services.</summary>
public static class DomainClientsServiceCollectionExtensions
{
    // The contracts' source-generated context carries the web defaults (camelCase): no reflection, no lost casing.
    private static readonly RefitSettings RefitJson = new(new SystemTextJsonContentSerializer(ContractsJsonContext.Default.Options));

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

        var users = AddService<IUsersApi, IUsersClient, UsersClient>(services, DomainServiceNames.Users, o => o.Users);
        var orders = AddService<IOrdersApi, IOrdersClient, OrdersClient>(services, DomainServiceNames.Orders, o => o.Orders);
        var products = AddService<IProductsApi, IProductsClient, ProductsClient>(services, DomainServiceNames.Products, o => o.Products);
        var reviews = AddService<IReviewsApi, IReviewsClient, ReviewsClient>(services, DomainServiceNames.Reviews, o => o.Reviews);

        return new DomainClientsBuilder(services, users, orders, products, reviews);
    }

    // The Refit interface is the HTTP contract; the result-returning client over it is what BFFs inject.
    private static IHttpClientBuilder AddService<TApi, TClient, TImplementation>(
        IServiceCollection services,
        string service,
        Func<DomainServicesOptions, DomainServiceOptions> select)
        where TApi : class
        where TClient : class
        where TImplementation : class, TClient
    {
        services.TryAddTransient<TClient, TImplementation>();
        return services.AddRefitGeneratedClient<TApi>(_ => RefitJson, service)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = DomainServicesOptions.ToBaseAddress(select(Options(sp))))
            .AddResilience(service);
    }

    private static DomainServicesOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DomainServicesOptions>>().Value;
}
