using System.Text;
using Bff.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bff.Edge.Caching;

/// <summary>
/// The shared tier: entries as binary values under <c>KeyPrefix + key</c> with a Redis expiry equal to their
/// freshness, and purge notices on the pub/sub channel <c>&lt;KeyPrefix without ':'&gt;-purges</c>. Every failure (down,
/// slow, error) reads as a miss or a skipped write; after one, Redis is left alone for a short pause so a hung server
/// does not cost each request a command timeout.
/// </summary>
internal sealed class RedisCacheStore : IAsyncDisposable
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(2);

    private readonly RedisConnection _connection;
    private readonly string _prefix;
    private readonly RedisChannel _purgeChannel;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _pausedUntil;

    public RedisCacheStore(RedisConnection connection, string keyPrefix, ILogger logger, TimeProvider timeProvider)
    {
        _connection = connection;
        _prefix = keyPrefix;
        _purgeChannel = RedisChannel.Literal(keyPrefix.TrimEnd(':') + "-purges");
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (IsPaused())
        {
            return null;
        }

        try
        {
            var data = (byte[]?)await _connection.ExecuteAsync(database => database.StringGetAsync(_prefix + key), cancellationToken).ConfigureAwait(false);
            return data is not null && CacheEntrySerializer.TryDeserialize(data, out var entry) ? entry : null;
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            Fail(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, CacheEntry entry, TimeSpan ttl)
    {
        if (IsPaused() || ttl < TimeSpan.FromMilliseconds(1))
        {
            return;
        }

        var data = CacheEntrySerializer.Serialize(entry);
        try
        {
            await _connection.ExecuteAsync(database => database.StringSetAsync(_prefix + key, data, ttl), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            Fail(ex);
        }
    }

    /// <summary>Deletes every key under <paramref name="keyPrefix"/> (SCAN + UNLINK); the count, or null when Redis failed.</summary>
    public async Task<long?> RemoveByPrefixAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        var pattern = _prefix + EscapeGlob(keyPrefix) + "*";
        long removed = 0;
        try
        {
            var multiplexer = await _connection.GetMultiplexerAsync(cancellationToken).ConfigureAwait(false);
            var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
            var batch = new List<RedisKey>(1000);
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(key);
                if (batch.Count == 1000)
                {
                    removed += await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
                }
            }

            return removed + await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    /// <summary>Tells every instance subscribed (<see cref="SubscribeToPurgesAsync"/>) to drop its local copies under <paramref name="keyPrefix"/>.</summary>
    public async Task PublishPurgeAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        try
        {
            await _connection.ExecuteAsync(database => database.PublishAsync(_purgeChannel, keyPrefix), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>
    /// Calls <paramref name="onPurge"/> with each purged key prefix any instance publishes, and with the empty prefix
    /// (everything) whenever the connection comes back, since notices sent while it was down were lost. The
    /// subscription stands even when Redis is down now: the multiplexer subscribes when it connects.
    /// </summary>
    public async Task SubscribeToPurgesAsync(Action<string> onPurge, CancellationToken cancellationToken)
    {
        _connection.Restored += () => onPurge(string.Empty);
        try
        {
            var multiplexer = await _connection.GetMultiplexerAsync(cancellationToken).ConfigureAwait(false);
            await multiplexer.GetSubscriber().SubscribeAsync(_purgeChannel, (_, prefix) => onPurge(prefix.ToString())).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<long> DeleteAsync(List<RedisKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        RedisKey[] batch = [.. keys];
        keys.Clear();
        return await _connection.ExecuteAsync(database => database.KeyDeleteAsync(batch), cancellationToken).ConfigureAwait(false);
    }

    private static string EscapeGlob(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private bool IsPaused() => _timeProvider.GetTimestamp() < Volatile.Read(ref _pausedUntil);

    private void Fail(Exception ex)
    {
        var wasPaused = IsPaused();
        Volatile.Write(ref _pausedUntil, _timeProvider.GetTimestamp() + (long)(PauseAfterFailure.TotalSeconds * _timeProvider.TimestampFrequency));
        if (!wasPaused)
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }
}
