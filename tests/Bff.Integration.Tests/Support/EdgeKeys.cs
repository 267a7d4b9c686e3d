using System.Security.Cryptography;

namespace Bff.Integration.Tests.Support;

/// <summary>A fresh ECDSA P-256 key pair for the edge assertion, written as PEM files to a temporary folder.</summary>
internal sealed class EdgeKeys : IDisposable
{
    public EdgeKeys()
    {
        Folder = Directory.CreateTempSubdirectory("edge-keys-").FullName;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKeyPath, Key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKeyPath, Key.ExportSubjectPublicKeyInfoPem());
    }

    public string Folder { get; }

    public ECDsa Key { get; }

    public string PrivateKeyPath => Path.Combine(Folder, "edge-identity.pem");

    public string PublicKeyPath => Path.Combine(Folder, "edge-identity.pub.pem");

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
