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
    private readonly SeededData<SigningKey> _first = new(() => Create(DateTimeOffset.MinValue));
    private IReadOnlyList<SigningKey>? _published;

    public string Name => "signing keys";

    public int Seed() => Published.Count;

    /// <summary>The keys the JWKS lists, oldest first.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            lock (_gate)
            {
                return _published ??= [_first.Value];
            }
        }
    }

    /// <summary>The newest published key whose time has come.</summary>
    public SigningKey Current
    {
        get
        {
            var now = time.GetUtcNow();
            return Published.Last(k => k.SignsFrom <= now);
        }
    }

    public SigningKey Rotate()
    {
        var current = Current;
        var next = Create(time.GetUtcNow().AddSeconds(options.Value.RotationDelaySeconds));
        lock (_gate)
        {
            _published = [current, next];
        }

        LogRotated(logger, current.Kid, next.Kid, next.SignsFrom);
        return next;
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
