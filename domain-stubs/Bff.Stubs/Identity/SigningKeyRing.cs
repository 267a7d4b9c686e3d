using System.Security.Cryptography;
using Bff.Stubs.Seed;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Stubs.Identity;

/// <summary>
/// The RS256 keys, generated at start (RSA 2048). Rotation publishes a new key at once beside the one signing now;
/// the new key signs only after <see cref="IdentityStubOptions.RotationDelaySeconds"/>, so verifiers can fetch it
/// first, and the old key stays published until the next rotation, so its tokens still verify.
/// </summary>
internal sealed partial class SigningKeyRing(
    IOptions<IdentityStubOptions> options,
    TimeProvider time,
    ILogger<SigningKeyRing> logger) : ISeedable
{
    private readonly Lock _gate = new();
    private IReadOnlyList<SigningKey> _published = [];

    public string Name => "signing keys";

    public int Seed() => Published.Count;

    /// <summary>The keys the JWKS lists, oldest first; the first key is made on first use.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            lock (_gate)
            {
                return PublishedLocked();
            }
        }
    }

    /// <summary>The newest published key whose time has come.</summary>
    public SigningKey Current => SigningAmong(Published, time.GetUtcNow());

    public SigningKey Rotate()
    {
        SigningKey current, next;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            current = SigningAmong(PublishedLocked(), now);
            next = Create(now.AddSeconds(options.Value.RotationDelaySeconds));
            _published = [current, next];
        }

        LogRotated(logger, current.Kid, next.Kid, next.SignsFrom);
        return next;
    }

    private static SigningKey SigningAmong(IReadOnlyList<SigningKey> keys, DateTimeOffset now) => keys.Last(k => k.SignsFrom <= now);

    private IReadOnlyList<SigningKey> PublishedLocked()
    {
        if (_published.Count == 0)
        {
            _published = [Create(DateTimeOffset.MinValue)];
        }

        return _published;
    }

    private static SigningKey Create(DateTimeOffset signsFrom)
    {
        var key = new RsaSecurityKey(RSA.Create(2048));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new SigningKey(key, signsFrom);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Rotated keys: {OldKid} still published, {NewKid} signs from {SignsFrom:O}")]
    private static partial void LogRotated(ILogger logger, string oldKid, string newKid, DateTimeOffset signsFrom);
}
