using System.Text.Json;
using Bff.Authentication.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Authentication.Jwt;

/// <summary>
/// The issuer's signing keys, held in memory so a token is checked without a network call.
/// Refreshed on a schedule; an unknown <c>kid</c> may trigger one early refresh per
/// <see cref="JwtValidationOptions.MinimumRefreshInterval"/>, so a flood of forged kids cannot
/// turn into a flood of JWKS fetches. Key rotation needs no restart.
/// </summary>
public sealed partial class SigningKeyCache
{
    private readonly HttpClient _http;
    private readonly JwtValidationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyCache> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile SigningKeySet _current = SigningKeySet.Empty;
    private long _lastAttemptTicks;

    public SigningKeyCache(HttpClient http, IOptions<JwtValidationOptions> options, TimeProvider time, ILogger<SigningKeyCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The keys and issuer as last fetched.</summary>
    public SigningKeySet Current => _current;

    /// <summary>Refreshes when the schedule says so; callers on the request path never wait for it.</summary>
    public void RefreshInBackgroundIfDue()
    {
        if (IsDue(force: false, _time.GetUtcNow()))
        {
            _ = RefreshAsync(force: false, CancellationToken.None);
        }
    }

    /// <summary>
    /// Fetches discovery and JWKS. With <paramref name="force"/> (an unknown kid), refetches unless
    /// the last fetch is younger than the minimum interval. Concurrent callers share one fetch.
    /// </summary>
    public async Task<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        if (!await _refreshGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            // Someone is fetching already: wait for that fetch instead of starting another.
            await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            _refreshGate.Release();
            return _current;
        }

        try
        {
            var now = _time.GetUtcNow();
            if (!IsDue(force, now))
            {
                return _current;
            }

            Interlocked.Exchange(ref _lastAttemptTicks, now.UtcTicks);
            _current = await FetchAsync(now, cancellationToken).ConfigureAwait(false);
            LogRefreshed(_logger, _current.Keys.Count, _current.Issuer);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            // Keep serving with the last good keys; the next attempt waits the minimum interval.
            LogRefreshFailed(_logger, e);
        }
        finally
        {
            _refreshGate.Release();
        }

        return _current;
    }

    private bool IsDue(bool force, DateTimeOffset now)
    {
        var lastAttempt = new DateTimeOffset(Interlocked.Read(ref _lastAttemptTicks), TimeSpan.Zero);
        if (now - lastAttempt < _options.MinimumRefreshInterval)
        {
            return false;
        }

        return force || now - _current.FetchedAt >= _options.RefreshInterval;
    }

    private async Task<SigningKeySet> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var discoveryUri = new Uri(_options.Authority!, ".well-known/openid-configuration");
        using var discovery = JsonDocument.Parse(await _http.GetStringAsync(discoveryUri, cancellationToken).ConfigureAwait(false));
        var issuer = discovery.RootElement.GetProperty("issuer").GetString()
            ?? throw new InvalidOperationException("discovery document has no issuer");
        var jwksUri = new Uri(discovery.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new InvalidOperationException("discovery document has no jwks_uri"));
        var jwks = new JsonWebKeySet(await _http.GetStringAsync(jwksUri, cancellationToken).ConfigureAwait(false));

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in jwks.GetSigningKeys())
        {
            if (key.KeyId is { Length: > 0 } kid && key is JsonWebKey { Kty: "RSA" } or not JsonWebKey)
            {
                keys[kid] = key;
            }
        }

        return new SigningKeySet(_options.Issuer ?? issuer, keys, now);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Fetched {Count} signing keys of issuer {Issuer}")]
    private static partial void LogRefreshed(ILogger logger, int count, string issuer);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Fetching signing keys failed; the last good keys stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
