using Bff.Clients.Configuration;
using Bff.Clients.Orders;
using Bff.Clients.Products;
using Bff.Clients.Reviews;
using Bff.Clients.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Contracts.Tests.Support;

/// <summary>
/// The typed clients as a BFF gets them (<c>AddDomainClients</c>), all four pointed at one base address, with
/// short timeouts and backoffs for tests. A fresh host has fresh circuits and budgets.
/// </summary>
internal sealed class ClientHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ClientHost(ServiceProvider provider) => _provider = provider;

    public IUsersClient Users => _provider.GetRequiredService<IUsersClient>();

    public IOrdersClient Orders => _provider.GetRequiredService<IOrdersClient>();

    public IProductsClient Products => _provider.GetRequiredService<IProductsClient>();

    public IReviewsClient Reviews => _provider.GetRequiredService<IReviewsClient>();

    public static ClientHost Create(
        Uri baseAddress,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<DomainClientsBuilder>? configure = null)
    {
        var url = baseAddress.ToString();
        var values = new Dictionary<string, string?>
        {
            ["DomainServices:Users:BaseUrl"] = url,
            ["DomainServices:Orders:BaseUrl"] = url,
            ["DomainServices:Products:BaseUrl"] = url,
            ["DomainServices:Reviews:BaseUrl"] = url,
            ["Resilience:Default:AttemptTimeout"] = "00:00:03",
            ["Resilience:Default:TotalTimeout"] = "00:00:08",
            ["Resilience:Default:RetryBaseDelay"] = "00:00:00.010",
            ["Resilience:Default:RetryMaxDelay"] = "00:00:00.050",
            ["Resilience:Default:BreakerMinimumThroughput"] = "1000",
            ["Resilience:Default:BreakerConsecutiveFailures"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        var clients = services.AddDomainClients(configuration);
        configure?.Invoke(clients);
        return new ClientHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
