using Bff.TestSupport.Redis;

namespace Partner.Bff.Tests.Support;

/// <summary>One real redis-server for the tests of a class, killed when they end.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
