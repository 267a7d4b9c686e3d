namespace Bff.Edge.Configuration;

/// <summary>The server certificate: a PFX file, or a PEM certificate plus a PEM key.</summary>
internal sealed record TlsConfig
{
    /// <summary>Default dev certificate path, relative to the working directory.</summary>
    public const string DefaultDevCertificatePath = ".dev/edge-cert.pfx";

    /// <summary>A <c>.pfx</c>/<c>.p12</c> or <c>.pem</c>/<c>.crt</c> file. Default <see cref="DefaultDevCertificatePath"/>.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>PEM private key, when <see cref="CertificatePath"/> is a PEM certificate without its key.</summary>
    public string? KeyPath { get; init; }

    /// <summary>PFX password or PEM key password. Never logged.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// When the certificate file does not exist, generate a self-signed one for localhost there and reuse it
    /// afterwards. Default true: meant for local runs; set false in any shared environment.
    /// </summary>
    public bool GenerateDevCertificate { get; init; } = true;
}
