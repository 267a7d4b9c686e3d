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

    private readonly IRedisClient _client;
    private readonly string _prefix;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _pausedUntil;

    public RedisCacheStore(IRedisClient client, string keyPrefix, ILogger logger, TimeProvider timeProvider)
    {
        _client = client;
        _prefix = keyPrefix;
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
