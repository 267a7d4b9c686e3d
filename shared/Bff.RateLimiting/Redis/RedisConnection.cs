using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// One StackExchange.Redis multiplexer for one feature (the rate limiter, the edge's shared cache tier), so one
/// feature's commands never queue behind another's. It connects in the background from construction, so start-up
/// never waits for Redis, and reconnects by itself after a failure. A command fails at once
/// (<see cref="RedisConnectionException"/>) while the connection is down, and with a <see cref="TimeoutException"/>
/// when no reply came within <see cref="RedisOptions.CommandTimeout"/>, the wait for the first connection included.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer> _connecting;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _down;

    /// <summary>Starts connecting to <see cref="RedisOptions.Endpoint"/>; <paramref name="clientName"/> shows in <c>CLIENT LIST</c>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public RedisConnection(RedisOptions options, string clientName, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var failures = options.Validate("Redis");
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        Endpoint = options.ParsedEndpoint.ToString();
        CommandTimeout = options.CommandTimeout;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connecting = ConnectAsync(options.ToConfiguration(clientName));
    }

    /// <summary>The <c>host:port</c> this connection talks to.</summary>
    public string Endpoint { get; }

    /// <summary>The longest wait for one command's reply.</summary>
    public TimeSpan CommandTimeout { get; }

    /// <summary>
    /// Raised when a connection (commands or pub/sub) is back after a failure: whatever was published on a channel
    /// meanwhile did not arrive.
    /// </summary>
    public event Action? Restored;

    /// <summary>True when Redis' failure is what <paramref name="exception"/> says: down, slow, or an error reply.</summary>
    public static bool IsFailure(Exception exception) => exception is RedisException or TimeoutException;

    /// <summary>Runs <paramref name="command"/> against the database, bounded by <see cref="CommandTimeout"/>.</summary>
    /// <exception cref="RedisException">Redis is unreachable (at once, not after a wait) or answered with an error.</exception>
    /// <exception cref="TimeoutException">No reply within <see cref="CommandTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Task<T> reply;
        try
        {
            reply = _connecting.IsCompletedSuccessfully ? command(_connecting.Result.GetDatabase()) : AfterConnectAsync(command);
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            return Task.FromException<T>(exception);
        }

        // The multiplexer checks its own timeouts once a second (its heartbeat); a caller on a request path gets
        // its answer, or its failure, within the timeout it was promised.
        return reply.WaitAsync(CommandTimeout, _timeProvider, cancellationToken);
    }

    /// <summary>The multiplexer, once the first connection attempt is over (for pub/sub and server commands).</summary>
    public Task<IConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(_ => Task.FromResult<IConnectionMultiplexer>(_connecting.Result), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            var multiplexer = await _connecting.ConfigureAwait(false);
            multiplexer.ConnectionFailed -= OnConnectionFailed;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception) || exception is ArgumentException)
        {
            // It never connected; nothing to close.
        }
    }

    private async Task<T> AfterConnectAsync<T>(Func<IDatabase, Task<T>> command)
    {
        var multiplexer = await _connecting.ConfigureAwait(false);
        return await command(multiplexer.GetDatabase()).ConfigureAwait(false);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        // Leave the constructor before any work runs.
        await Task.Yield();
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
        if (multiplexer.IsConnected)
        {
            Log.RedisConnected(_logger, Endpoint, "interactive");
        }
        else
        {
            Volatile.Write(ref _down, 1);
            Log.RedisUnreachable(_logger, Endpoint);
        }

        return multiplexer;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        // Raised again on every failed reconnect attempt: warn once per outage.
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Log.RedisConnectionLost(_logger, Endpoint, e.ConnectionType.ToString().ToLowerInvariant(), e.FailureType.ToString(), e.Exception?.Message ?? string.Empty);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Volatile.Write(ref _down, 0);
        Log.RedisConnected(_logger, Endpoint, e.ConnectionType.ToString().ToLowerInvariant());
        Restored?.Invoke();
    }
}
