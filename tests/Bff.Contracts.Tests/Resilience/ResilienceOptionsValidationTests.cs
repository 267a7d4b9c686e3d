using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bff.Contracts.Tests.Resilience;

/// <summary>Bad settings stop the host at start, naming the configuration key.</summary>
public sealed class ResilienceOptionsValidationTests
{
    [Theory]
    [InlineData("Resilience:users:AttemptTimeout", "00:00:20", "Resilience:users:AttemptTimeout")]
    [InlineData("Resilience:users:MaxRetryAttempts", "-1", "Resilience:users:MaxRetryAttempts")]
    [InlineData("Resilience:Default:BreakerBreakDuration", "00:00:00.100", "Resilience:Default:BreakerBreakDuration")]
    [InlineData("Resilience:users:RetryBudgetRatio", "1.5", "Resilience:users:RetryBudgetRatio")]
    [InlineData("Resilience:users:BreakerMinimumThroughput", "1", "Resilience:users:BreakerMinimumThroughput")]
    public async Task Invalid_resilience_setting_fails_start_naming_the_key(string key, string value, string named)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [key] = value });

        // One service's bad setting is an OptionsValidationException; a bad default fails every service at once (aggregated).
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.True(failure is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] }, failure.ToString());
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DomainServices:Orders:BaseUrl", "not a url")]
    [InlineData("DomainServices:Users:BaseUrl", "/relative/path")]
    [InlineData("DomainServices:Reviews:BaseUrl", "ftp://127.0.0.1:5204/")]
    public async Task Invalid_base_url_fails_start_naming_the_key(string key, string value)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_start_and_point_at_the_local_ports()
    {
        using var host = BuildHost([]);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        var options = host.Services.GetRequiredService<IOptions<Bff.Clients.Configuration.DomainServicesOptions>>().Value;
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(factory);
        Assert.Equal(
            ["http://127.0.0.1:5201/", "http://127.0.0.1:5202/", "http://127.0.0.1:5203/", "http://127.0.0.1:5204/"],
            [options.Users.BaseUrl, options.Orders.BaseUrl, options.Products.BaseUrl, options.Reviews.BaseUrl]);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDomainClients(builder.Configuration);
        return builder.Build();
    }
}
