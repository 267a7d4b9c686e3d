namespace Bff.Redis;

/// <summary>
/// A Redis client over one pipelined connection. Thread-safe; share one instance. Typed commands are extension
/// methods (<see cref="RedisCommands"/>).
/// </summary>
public interface IRedisClient : IAsyncDisposable
{
    /// <summary>The <c>host:port</c> this client talks to.</summary>
    string Endpoint { get; }

    /// <summary>
    /// Sends one command (name and arguments) and returns its reply.
    /// </summary>
    /// <exception cref="RedisServerException">The server answered with an error.</exception>
    /// <exception cref="RedisTimeoutException">No reply within the command timeout.</exception>
    /// <exception cref="RedisConnectionException">Redis could not be reached or the connection broke (also <see cref="RedisProtocolException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RedisReply> ExecuteAsync(RedisValue[] command, CancellationToken cancellationToken);

    /// <summary>Sends one command with no cancellation: <c>ExecuteAsync("SET", "k", "v")</c>.</summary>
    Task<RedisReply> ExecuteAsync(params RedisValue[] command);
}
