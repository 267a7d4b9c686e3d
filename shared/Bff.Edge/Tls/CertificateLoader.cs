using System.Security.Cryptography.X509Certificates;
using Bff.Edge.Configuration;
using Bff.Edge.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Tls;

/// <summary>Loads the server certificate from a PFX or PEM file, generating a dev certificate first when allowed.</summary>
internal static class CertificateLoader
{
    public static X509Certificate2 Load(TlsConfig tls, ILogger logger)
    {
        var path = tls.CertificatePath ?? TlsConfig.DefaultDevCertificatePath;
        if (!File.Exists(path))
        {
            if (!tls.GenerateDevCertificate || tls.KeyPath is not null)
            {
                throw new EdgeConfigException($"Server.Tls.CertificatePath: '{path}' does not exist");
            }

            DevCertificate.Create(path, tls.Password);
            Log.DevCertificateGenerated(logger, Path.GetFullPath(path));
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        try
        {
            if (extension is ".PFX" or ".P12")
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password);
            }

            var pem = tls.Password is null
                ? X509Certificate2.CreateFromPemFile(path, tls.KeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, tls.Password, tls.KeyPath);

            // SslStream on some platforms needs the key in a persisted form, which a PKCS#12 round trip gives.
            using (pem)
            {
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new EdgeConfigException($"Server.Tls.CertificatePath: '{path}' could not be loaded: {ex.Message}");
        }
    }
}
