using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bff.Redis;

/// <summary>
/// The suite's Redis client: one multiplexed, pipelined connection, opened on first use and re-opened on demand
/// after it breaks. After a failed attempt the next one waits an exponentially growing, jittered delay
/// (<see cref="RedisOptions.ReconnectBaseDelay"/> doubled up to <see cref="RedisOptions.ReconnectMaxDelay"/>);
/// commands issued meanwhile fail at once with <see cref="RedisConnectionException"/> instead of queueing up
/// against a server that is down.
/// </summary>
public sealed partial class RedisClient : IRedisClient
{
    // Timeouts in a row with no reply at all after which the connection is presumed dead and replaced.
    private const int TimeoutsBeforeReconnect = 3;

    private readonly RedisOptions _options;
    private readonly RedisEndpoint _endpoint;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private RedisConnection? _connection;
    private Task<RedisConnection>? _connecting;
    private Exception? _lastFailure;
    private int _failures;
    private long _nextAttempt;
    private bool _disposed;

    /// <summary>Creates a client; nothing connects until the first command.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public RedisClient(RedisOptions options, ILogger<RedisClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate("Redis");
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _options = options;
        _endpoint = options.ParsedEndpoint;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Endpoint = _endpoint.ToString();
    }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <summary>True while a connection is open (it may still break on the next command).</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is { IsAlive: true };

    /// <inheritdoc />
    public Task<RedisReply> ExecuteAsync(params RedisValue[] command) => ExecuteAsync(command, CancellationToken.None);

    /// <inheritdoc />
    public async Task<RedisReply> ExecuteAsync(RedisValue[] command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        cancellationToken.ThrowIfCancellationRequested();

        var connection = Volatile.Read(ref _connection);
        if (connection is not { IsAlive: true })
        {
            connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        var pending = new PendingCommand(command);
        if (!connection.TryEnqueue(pending))
        {
            throw new RedisConnectionException($"The connection to Redis at {Endpoint} closed before '{command[0]}' was sent.");
        }

        try
        {
            return await pending.Task.WaitAsync(_options.CommandTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not yet written: the writer will skip it. Already written: its late reply is dropped in order.
            pending.TrySetCanceled(CancellationToken.None);
            if (connection.RecordTimeout() == TimeoutsBeforeReconnect)
            {
                Log.Unresponsive(_logger, Endpoint, TimeoutsBeforeReconnect);
                connection.Close(new RedisConnectionException(
                    $"Redis at {Endpoint} answered none of the last {TimeoutsBeforeReconnect} commands in time; the connection was closed to open a new one."));
            }

            throw new RedisTimeoutException(
                $"Redis at {Endpoint} did not answer '{command[0]}' within {_options.CommandTimeout.TotalMilliseconds:0} ms.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            pending.TrySetCanceled(cancellationToken);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        RedisConnection? connection;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
            _connection = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<RedisConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Task<RedisConnection> attempt;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsAlive: true } current)
            {
                return current;
            }

            if (_connecting is null)
            {
                var wait = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), _nextAttempt);
                if (wait > TimeSpan.Zero)
                {
                    throw new RedisConnectionException(
                        $"Redis at {Endpoint} is unreachable; the next connection attempt is in {wait.TotalMilliseconds:0} ms.",
                        _lastFailure ?? new RedisConnectionException("No connection."));
                }

                _connecting = OpenAsync();
            }

            attempt = _connecting;
        }

        return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RedisConnection> OpenAsync()
    {
        // Leave the caller's lock before any work runs.
        await Task.Yield();
        RedisConnection? connection = null;
        try
        {
            connection = await RedisConnection.ConnectAsync(_endpoint, _options.ConnectTimeout, OnConnectionClosed, CancellationToken.None)
                .ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.Password))
            {
                await AuthenticateAsync(connection).ConfigureAwait(false);
            }

            int failures;
            lock (_gate)
            {
                failures = _failures;
                _failures = 0;
                _lastFailure = null;
                _connecting = null;
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(RedisClient));
                }

                _connection = connection;
            }

            Log.Connected(_logger, Endpoint, failures);
            return connection;
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            var failure = exception as RedisException ?? new RedisConnectionException($"Could not connect to Redis at {Endpoint}: {exception.Message}", exception);
            TimeSpan delay;
            int failures;
            lock (_gate)
            {
                failures = ++_failures;
                delay = BackoffDelay(failures);
                _nextAttempt = _timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * _timeProvider.TimestampFrequency);
                _lastFailure = failure;
                _connecting = null;
            }

            Log.ConnectFailed(_logger, Endpoint, failures, delay.TotalMilliseconds, failure.Message);
            if (failure == exception)
            {
                throw;
            }

            throw failure;
        }
    }

    private async Task AuthenticateAsync(RedisConnection connection)
    {
        var auth = new PendingCommand(["AUTH", _options.Password!]);
        if (!connection.TryEnqueue(auth))
        {
            throw new RedisConnectionException($"The connection to Redis at {Endpoint} closed during AUTH.");
        }

        try
        {
            await auth.Task.WaitAsync(_options.ConnectTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (RedisServerException exception)
        {
            throw new RedisConnectionException($"Redis at {Endpoint} refused AUTH: {exception.Message}", exception);
        }
        catch (TimeoutException)
        {
            throw new RedisConnectionException($"Redis at {Endpoint} did not answer AUTH within {_options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }
    }

    private TimeSpan BackoffDelay(int failures)
    {
        var exponent = Math.Min(failures - 1, 30);
        var delay = Math.Min(_options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), _options.ReconnectMaxDelay.TotalMilliseconds);

        // Up to 20% less, so gateways that lost Redis together do not all come back in the same millisecond.
        return TimeSpan.FromMilliseconds(delay * (1 - (Random.Shared.NextDouble() * 0.2)));
    }

    private void OnConnectionClosed(RedisConnection connection, Exception reason)
    {
        var wasCurrent = false;
        lock (_gate)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
                wasCurrent = true;
            }
        }

        if (wasCurrent && !_disposed)
        {
            Log.ConnectionLost(_logger, Endpoint, reason.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connected to Redis at {Endpoint} (after {Failures} failed attempts)")]
        public static partial void Connected(ILogger logger, string endpoint, int failures);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not connect to Redis at {Endpoint} (attempt {Failures}); next attempt in {DelayMs:0} ms: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, string endpoint, int failures, double delayMs, string reason);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Lost the connection to Redis at {Endpoint}: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, string endpoint, string reason);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Redis at {Endpoint} answered none of {Timeouts} commands in time; replacing the connection")]
        public static partial void Unresponsive(ILogger logger, string endpoint, int timeouts);
    }
}
