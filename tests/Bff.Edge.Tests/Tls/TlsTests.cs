using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Bff.Edge.Hosting;
using Bff.Edge.Tests.Support;
using Bff.Edge.Tls;

namespace Bff.Edge.Tests.Tls;

public sealed class TlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Https_negotiates_HTTP2_by_ALPN_with_a_generated_dev_certificate()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url), https: true);
        var port = new Uri(edge.HttpsUrl!).Port;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, Ct);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
        }, Ct);

        Assert.Equal(SslApplicationProtocol.Http2, tls.NegotiatedApplicationProtocol);
        Assert.True(tls.SslProtocol is SslProtocols.Tls12 or SslProtocols.Tls13);
        Assert.True(File.Exists(Path.Combine(edge.Directory, "cert.pfx")));
    }

    [Fact]
    public async Task A_request_over_HTTP2_and_TLS_is_forwarded()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url), https: true);
        using var client = InsecureHttp2Client(edge.HttpsUrl!);

        using var response = await client.GetAsync("/hello", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("upstream:a", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("https", Assert.Single(upstream.Requests).Headers["X-Forwarded-Proto"]);
    }

    [Fact]
    public async Task TLS_1_1_is_refused()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url), https: true);
        var port = new Uri(edge.HttpsUrl!).Port;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, Ct);
        await using var tls = new SslStream(tcp.GetStream());
#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the test proves the server refuses it.
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls11,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        };
#pragma warning restore SYSLIB0039

        await Assert.ThrowsAnyAsync<Exception>(() => tls.AuthenticateAsClientAsync(options, Ct));
    }

    [Fact]
    public async Task A_PEM_certificate_and_key_can_be_configured()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var directory = Directory.CreateTempSubdirectory("edge-pem-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem(), Ct);
            await File.WriteAllTextAsync(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem(), Ct);
            var config = EdgeHost.SingleRoute("/{**all}", upstream.Url);
            config["Server"] = new JsonObject
            {
                ["Tls"] = new JsonObject
                {
                    ["CertificatePath"] = Path.Combine(directory, "cert.pem"),
                    ["KeyPath"] = Path.Combine(directory, "key.pem"),
                    ["GenerateDevCertificate"] = false,
                },
            };
            await using var edge = await EdgeHost.StartAsync(config, https: true);
            using var client = InsecureHttp2Client(edge.HttpsUrl!);

            using var response = await client.GetAsync("/pem", Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_certificate_without_dev_generation_fails_with_the_key_named()
    {
        var tls = new Bff.Edge.Configuration.TlsConfig { CertificatePath = "/nonexistent/cert.pfx", GenerateDevCertificate = false };

        var error = Assert.Throws<EdgeConfigException>(() => CertificateLoader.Load(tls, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

        Assert.Contains("Server.Tls.CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dev_cert_command_writes_a_localhost_certificate()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("edge-cert-").FullName, "sub", "edge.pfx");

        var exitCode = await EdgeProgram.RunAsync(["dev-cert", "--out", path]);

        Assert.Equal(0, exitCode);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null);
        Assert.True(certificate.HasPrivateKey);
        Assert.True(certificate.MatchesHostname("localhost"));
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(path))!, recursive: true);
    }

    internal static HttpClient InsecureHttp2Client(string baseUrl) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
