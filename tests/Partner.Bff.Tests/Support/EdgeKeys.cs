using System.Security.Cryptography;
using Bff.ServiceDefaults.Identity;

namespace Partner.Bff.Tests.Support;

/// <summary>
/// The edge's key pair for the run: the public half in a temporary PEM file (the BFF's
/// <c>EdgeIdentity:VerificationKeyPath</c>), the private half signing assertions exactly as the edge does.
/// </summary>
public sealed class EdgeKeys : IDisposable
{
    public const string Audience = "partner-bff";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _folder = Directory.CreateTempSubdirectory("partner-bff-keys-").FullName;

    public EdgeKeys()
    {
        PublicKeyPath = Path.Combine(_folder, "edge-identity.pub.pem");
        File.WriteAllText(PublicKeyPath, _key.ExportSubjectPublicKeyInfoPem());
    }

    public string PublicKeyPath { get; }

    /// <summary>partner-gold: plan gold, partner.read and partner.write.</summary>
    public string Gold() => Sign(new EdgeIdentity("partner-gold", "partner-gold", ["partner.read", "partner.write"], "gold"));

    /// <summary>partner-free: plan free, partner.read only.</summary>
    public string Free() => Sign(new EdgeIdentity("partner-free", "partner-free", ["partner.read"], "free"));

    /// <summary>The demo user of the web app: a valid identity, but not a partner.</summary>
    public string AppUser() => Sign(new EdgeIdentity("1", "web-app", ["openid", "profile", "api"], null));

    public string Sign(EdgeIdentity identity) =>
        EdgeIdentityToken.Create(identity, Audience, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), EdgeIdentityToken.SecurityKey(_key));

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
