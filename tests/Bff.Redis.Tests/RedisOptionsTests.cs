using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bff.Redis.Tests;

public sealed class RedisOptionsTests
{
    [Theory]
    [InlineData("Endpoint", "localhost", "Cache:Redis:Endpoint")]
    [InlineData("Endpoint", "localhost:0", "Cache:Redis:Endpoint")]
    [InlineData("Endpoint", "localhost:99999", "Cache:Redis:Endpoint")]
    [InlineData("Endpoint", "::1:6379", "Cache:Redis:Endpoint")]
    [InlineData("Endpoint", "", "Cache:Redis:Endpoint")]
    [InlineData("CommandTimeout", "00:00:00", "Cache:Redis:CommandTimeout")]
    [InlineData("ConnectTimeout", "-00:00:01", "Cache:Redis:ConnectTimeout")]
    [InlineData("ReconnectMaxDelay", "00:00:00.010", "Cache:Redis:ReconnectMaxDelay")]
    public void Invalid_settings_fail_at_start_naming_the_key(string key, string value, string expectedKey)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Cache:Redis:{key}"] = value })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddRedis(configuration.GetSection("Cache:Redis")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379", "127.0.0.1", 6379)]
    [InlineData("redis.internal:6380", "redis.internal", 6380)]
    [InlineData("[::1]:7000", "::1", 7000)]
    public void Valid_endpoints_parse(string text, string host, int port)
    {
        Assert.True(RedisEndpoint.TryParse(text, out var endpoint, out _));
        Assert.Equal(new RedisEndpoint(host, port), endpoint);
    }

    [Fact]
    public async Task Add_redis_registers_one_client_for_the_configured_endpoint()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Endpoint"] = "10.1.2.3:6390" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddRedis(configuration.GetSection("Redis")).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<IRedisClient>();

        Assert.Same(client, provider.GetRequiredService<IRedisClient>());
        Assert.Equal("10.1.2.3:6390", client.Endpoint);
    }

    [Fact]
    public void Client_constructor_rejects_invalid_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisClient(new RedisOptions { Endpoint = "nope" }));
        Assert.Contains("Redis:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
