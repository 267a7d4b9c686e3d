using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.RateLimiting.Tests.Support;

/// <summary>The services <c>AddSuiteRateLimiting</c> registers, from in-memory configuration, with logs and metrics captured.</summary>
internal sealed class RateLimitingHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public RateLimitingHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IMeterFactory>(Metrics);
        services.AddSuiteRateLimiting(configuration);
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    public ListLoggerProvider Logs { get; } = new();

    public TestMeterFactory Metrics { get; } = new();

    public IRateLimiterBackend Backend => _provider.GetRequiredService<IRateLimiterBackend>();

    public RateLimitPolicyCatalog Policies => _provider.GetRequiredService<RateLimitPolicyCatalog>();

    public RateLimitingOptions Options => _provider.GetRequiredService<IOptions<RateLimitingOptions>>().Value;

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Metrics.Dispose();
    }
}
