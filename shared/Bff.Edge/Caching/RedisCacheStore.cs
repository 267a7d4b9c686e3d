using System.Text;
using Bff.Redis;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Caching;

/// <summary>
/// The shared tier: entries as binary values under <c>KeyPrefix + key</c> with a Redis expiry equal to their
/// freshness. Every failure (down, slow, garbage) reads as a miss or a skipped write; after one, Redis is left
/// alone for a short pause so a hung server does not cost each request a command timeout.
/// </summary>
internal sealed class RedisCacheStore : IAsyncDisposable
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(2);

    // One purge notice: the sequence number goes up and the purged key prefix is kept a minute under it, long
    // enough for every instance's next poll.
    private static readonly RedisScript PublishPurgeScript = new("""
        local n = redis.call('INCR', KEYS[1])
        redis.call('SET', KEYS[1] .. ':' .. n, ARGV[1], 'PX', 60000)
        return n
        """);

    private readonly IRedisClient _client;
    private readonly string _prefix;
    private readonly string _purgeSequenceKey;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _pausedUntil;

    public RedisCacheStore(IRedisClient client, string keyPrefix, ILogger logger, TimeProvider timeProvider)
    {
        _client = client;
        _prefix = keyPrefix;

        // Outside the entries' prefix, so a purge-all never deletes the notices.
        _purgeSequenceKey = keyPrefix.TrimEnd(':') + "-purges";
        _logger = logger;
        _timeProvider = timeProvider;

        // Connect now rather than on the first miss; a failure here only pauses the tier like any other.
        _ = WarmUpAsync();
    }

    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (IsPaused())
        {
            return null;
        }

        try
        {
            var data = await _client.GetAsync(_prefix + key, cancellationToken).ConfigureAwait(false);
            return data is not null && CacheEntrySerializer.TryDeserialize(data, out var entry) ? entry : null;
        }
        catch (RedisException ex)
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

        try
        {
            await _client.SetAsync(_prefix + key, CacheEntrySerializer.Serialize(entry), ttl).ConfigureAwait(false);
        }
        catch (RedisException ex)
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
            var cursor = "0";
            do
            {
                var reply = await _client.ExecuteAsync(["SCAN", cursor, "MATCH", pattern, "COUNT", 1000], cancellationToken).ConfigureAwait(false);
                cursor = reply[0].AsString() ?? "0";
                var keys = reply[1].AsArray() ?? [];
                if (keys.Count > 0)
                {
                    var command = new RedisValue[keys.Count + 1];
                    command[0] = "UNLINK";
                    for (var i = 0; i < keys.Count; i++)
                    {
                        command[i + 1] = keys[i].AsBytes()!;
                    }

                    removed += (await _client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
                }
            }
            while (cursor != "0");
            return removed;
        }
        catch (RedisException ex)
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    /// <summary>Tells the other instances (<see cref="ReadPurgesAsync"/>) to drop their local copies under <paramref name="keyPrefix"/>.</summary>
    public async Task PublishPurgeAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        try
        {
            await _client.EvaluateAsync(PublishPurgeScript, [_purgeSequenceKey], [keyPrefix], cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>
    /// The purge notices after number <paramref name="seen"/>: the latest number and the key prefixes purged since
    /// (null when Redis failed). A sequence that went backwards (Redis restarted empty) is taken as the new start.
    /// </summary>
    public async Task<(long Latest, List<string>? Prefixes)> ReadPurgesAsync(long seen, CancellationToken cancellationToken)
    {
        try
        {
            var latestText = await _client.GetStringAsync(_purgeSequenceKey, cancellationToken).ConfigureAwait(false);
            var latest = long.TryParse(latestText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var prefixes = new List<string>();
            if (latest <= seen)
            {
                return (latest, prefixes);
            }

            // Notices older than the last 100 are not fetched one by one: a gap that wide is treated as a purge-all.
            if (latest - seen > 100)
            {
                prefixes.Add(string.Empty);
                return (latest, prefixes);
            }

            var command = new RedisValue[latest - seen + 1];
            command[0] = "MGET";
            for (var n = seen + 1; n <= latest; n++)
            {
                command[n - seen] = _purgeSequenceKey + ":" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var reply = await _client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            foreach (var item in reply.AsArray() ?? [])
            {
                if (!item.IsNull && item.AsString() is { } prefix)
                {
                    prefixes.Add(prefix);
                }
            }

            return (latest, prefixes);
        }
        catch (RedisException)
        {
            // The request path already logs and pauses on Redis failures; the next poll tries again.
            return (seen, null);
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task WarmUpAsync()
    {
        try
        {
            await _client.PingAsync().ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            Fail(ex);
        }
        catch (ObjectDisposedException)
        {
            // The edge stopped before Redis answered.
        }
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

    private void Fail(RedisException ex)
    {
        var wasPaused = IsPaused();
        Volatile.Write(ref _pausedUntil, _timeProvider.GetTimestamp() + (long)(PauseAfterFailure.TotalSeconds * _timeProvider.TimestampFrequency));
        if (!wasPaused)
        {
            CacheLog.RedisFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }
}
