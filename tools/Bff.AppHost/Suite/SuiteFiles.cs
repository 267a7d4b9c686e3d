using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Bff.AppHost.Suite;

/// <summary>The files the suite needs under .dev/: the edge identity keys and the edge's config.</summary>
/// <param name="IdentityPublicKey">The key the BFFs verify the edge's identity assertions with.</param>
/// <param name="EdgeConfig">config/edge.local.json with its relative paths made absolute.</param>
internal sealed record SuiteFiles(string IdentityPublicKey, string EdgeConfig)
{
    /// <summary>Creates the identity keys once (as ./run.sh does, and shared with it) and writes the edge's config.</summary>
    public static SuiteFiles Prepare(string root)
    {
        var dev = Directory.CreateDirectory(Path.Combine(root, ".dev")).FullName;
        var privateKey = Path.Combine(dev, "edge-identity.pem");
        var publicKey = Path.Combine(dev, "edge-identity.pub.pem");
        if (!File.Exists(privateKey))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(publicKey, key.ExportSubjectPublicKeyInfoPem());
            File.WriteAllText(privateKey, key.ExportPkcs8PrivateKeyPem());
        }

        // Aspire starts each project in its own folder, so the paths ./run.sh resolves from the repository root
        // (certificate, signing key, gRPC descriptors) are written out in full.
        var configDir = Path.Combine(root, "config");
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(configDir, "edge.local.json")))!;
        config["Server"]!["Tls"]!["CertificatePath"] = Path.Combine(root, (string)config["Server"]!["Tls"]!["CertificatePath"]!);
        config["Identity"]!["SigningKeyPath"] = privateKey;
        var grpc = config["Routes"]!["ratings"]!["Grpc"]!;
        grpc["DescriptorSet"] = Path.Combine(configDir, (string)grpc["DescriptorSet"]!);
        var edgeConfig = Path.Combine(dev, "edge.aspire.json");
        File.WriteAllText(edgeConfig, config.ToJsonString(new() { WriteIndented = true }));
        return new SuiteFiles(publicKey, edgeConfig);
    }
}
