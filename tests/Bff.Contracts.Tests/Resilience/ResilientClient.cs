using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Contracts.Tests.Resilience;

/// <summary>An <see cref="HttpClient"/> from <c>IHttpClientFactory</c> with only the resilience handler, as a BFF wires it.</summary>
internal sealed class ResilientClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ResilientClient(ServiceProvider provider, HttpClient http)
    {
        _provider = provider;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>
    /// Settings are keys under <c>Resilience:&lt;service&gt;</c>; backoffs default to 10 ms and the breakers to off.
    /// Hedging is on when <paramref name="hedging"/> (keys of <c>HedgingOptions</c>) is given.
    /// </summary>
    public static ResilientClient Create(
        Uri baseAddress,
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider? timeProvider = null,
        IReadOnlyDictionary<string, string?>? hedging = null)
    {
        const string service = "upstream";
        var values = new Dictionary<string, string?>
        {
            ["Resilience:Default:RetryBaseDelay"] = "00:00:00.010",
            ["Resilience:Default:RetryMaxDelay"] = "00:00:00.020",
            ["Resilience:Default:BreakerMinimumThroughput"] = "100000",
            ["Resilience:Default:BreakerConsecutiveFailures"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            values[$"Resilience:{service}:{key}"] = value;
        }

        foreach (var (key, value) in hedging ?? new Dictionary<string, string?>())
        {
            values[$"Hedging:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (hedging is not null)
        {
            services.AddHedging("Hedging");
        }

        services.AddHttpClient(service, c => c.BaseAddress = baseAddress).AddResilience(service);
        var provider = services.BuildServiceProvider();
        return new ResilientClient(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(service));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _provider.DisposeAsync();
    }
}
