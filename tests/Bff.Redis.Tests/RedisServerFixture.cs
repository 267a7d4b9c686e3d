using Bff.TestSupport.Redis;

namespace Bff.Redis.Tests;

/// <summary>One redis-server shared by the tests of a class that do not stop it.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;

    public RedisServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _server = await RedisServerProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public RedisClient CreateClient(TimeSpan? commandTimeout = null) => new(new RedisOptions
    {
        Endpoint = Server.Endpoint,
        CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(5),
    });
}
