using System.Security.Cryptography;
using Bff.ServiceDefaults.Identity;

namespace Mobile.Bff.Tests.Support;

/// <summary>
/// The edge's key pair for the run: the public half in a temporary PEM file (the BFF's
/// <c>EdgeIdentity:VerificationKeyPath</c>), the private half signing assertions exactly as the edge does.
/// </summary>
public sealed class EdgeKeys : IDisposable
{
    public const string Audience = "mobile-bff";
    public const string MobileApp = "mobile-app";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _folder = Directory.CreateTempSubdirectory("mobile-bff-keys-").FullName;

    public EdgeKeys()
    {
        PublicKeyPath = Path.Combine(_folder, "edge-identity.pub.pem");
        File.WriteAllText(PublicKeyPath, _key.ExportSubjectPublicKeyInfoPem());
    }

    public string PublicKeyPath { get; }

    /// <summary>An assertion for <paramref name="subject"/> of <paramref name="clientId"/>, valid for 30 s from now.</summary>
    public string Sign(string subject = "1", string clientId = MobileApp, string audience = Audience) =>
        EdgeIdentityToken.Create(new EdgeIdentity(subject, clientId, ["openid"], null), audience, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), EdgeIdentityToken.SecurityKey(_key));

    /// <summary>An assertion signed by another key: what a forger without the edge's key can make.</summary>
    public static string Forge(string subject = "1")
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return EdgeIdentityToken.Create(new EdgeIdentity(subject, MobileApp, ["openid"], null), Audience, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), EdgeIdentityToken.SecurityKey(other));
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
