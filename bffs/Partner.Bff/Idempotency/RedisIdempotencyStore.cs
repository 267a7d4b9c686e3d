using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Partner.Bff.Idempotency;

/// <summary>
/// The idempotency store every replica shares. A key is claimed atomically (a Lua script: the first caller writes its
/// fingerprint and a claim token with <see cref="IdempotencyOptions.InFlightTimeout"/> to live); the replica holding the
/// claim places the order and stores the outcome for <see cref="IdempotencyOptions.Retention"/>. A repeat meanwhile is
/// refused as in flight (409, retry shortly) wherever it lands, a repeat afterwards replays the outcome, a repeat with
/// another request is refused as reused. A replica that dies holding a claim blocks the key until the claim expires.
/// While Redis cannot be asked nothing is placed (fail closed): a place that could not check the key might place twice.
/// </summary>
internal sealed partial class RedisIdempotencyStore(IConnectionMultiplexer redis, IOptions<IdempotencyOptions> options, ILogger<RedisIdempotencyStore> logger)
    : IIdempotencyStore
{
    public string Description => $"redis {string.Join(',', redis.GetEndPoints().Select(e => e.ToString()))}";

    public async Task<IdempotencyLookup> RunOnceAsync(string partner, string key, string fingerprint, Func<Task<PlacementOutcome>> place)
    {
        var settings = options.Value;
        var (entry, index) = Keys(settings.KeyPrefix, partner, key);
        var claim = Guid.NewGuid().ToString("N");
        RedisResult claimed;
        try
        {
            claimed = await redis.GetDatabase().ScriptEvaluateAsync(
                IdempotencyScripts.Claim,
                [entry, index],
                [fingerprint, claim, Milliseconds(settings.InFlightTimeout), Milliseconds(settings.Retention), settings.MaxKeysPerPartner]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, partner, ex.Message);
            return IdempotencyLookup.Refused(IdempotencyRefusal.StoreUnavailable);
        }

        if (!claimed.IsNull)
        {
            return Existing((RedisResult[])claimed!, fingerprint);
        }

        PlacementOutcome outcome;
        try
        {
            outcome = await place().ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(entry, claim).ConfigureAwait(false);
            throw;
        }

        if (outcome.IsTransient)
        {
            await ReleaseAsync(entry, claim).ConfigureAwait(false);
        }
        else
        {
            await CompleteAsync(entry, claim, fingerprint, outcome, settings.Retention, partner).ConfigureAwait(false);
        }

        return new IdempotencyLookup(outcome, Replayed: false);
    }

    /// <summary>The entry's and the partner index's Redis keys; the partner is a hash tag so both share a cluster slot.</summary>
    internal static (RedisKey Entry, RedisKey Index) Keys(string prefix, string partner, string key) =>
        ($"{prefix}{{{partner}}}:k:{key}", $"{prefix}{{{partner}}}:index");

    private static IdempotencyLookup Existing(RedisResult[] fields, string fingerprint)
    {
        if ((string?)fields[0] != fingerprint)
        {
            return IdempotencyLookup.Refused(IdempotencyRefusal.KeyReused);
        }

        return fields[1].IsNull
            ? IdempotencyLookup.Refused(IdempotencyRefusal.InFlight)
            : new IdempotencyLookup(JsonSerializer.Deserialize((string)fields[1]!, IdempotencyJsonContext.Default.PlacementOutcome), Replayed: true);
    }

    // The order exists whatever happens here: a failed write is logged and the caller still gets its order. A retry
    // after the claim expires would place again, which is why the claim outlives a placement by far.
    private async Task CompleteAsync(RedisKey entry, string claim, string fingerprint, PlacementOutcome outcome, TimeSpan retention, string partner)
    {
        var json = JsonSerializer.Serialize(outcome, IdempotencyJsonContext.Default.PlacementOutcome);
        try
        {
            var stored = await redis.GetDatabase().ScriptEvaluateAsync(IdempotencyScripts.Complete, [entry], [claim, fingerprint, json, Milliseconds(retention)]).ConfigureAwait(false);
            if ((int)stored == 0)
            {
                LogClaimLost(logger, partner);
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogNotStored(logger, partner, ex.Message);
        }
    }

    private async Task ReleaseAsync(RedisKey entry, string claim)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(IdempotencyScripts.Release, [entry], [claim]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // The claim expires by itself; until then a retry is told the key is in flight.
        }
    }

    private static long Milliseconds(TimeSpan value) => (long)value.TotalMilliseconds;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Idempotency store unreachable; placement for {Partner} refused with 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string partner, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Order placed for {Partner} but its outcome could not be stored: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string partner, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Order placed for {Partner} after its claim had expired and another replica claimed the key")]
    private static partial void LogClaimLost(ILogger logger, string partner);
}
