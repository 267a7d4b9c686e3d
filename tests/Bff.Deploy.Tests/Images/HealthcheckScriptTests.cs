using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Bff.Deploy.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Deploy.Tests.Images;

/// <summary>
/// deploy/docker/healthcheck.sh, every image's HEALTHCHECK, run against real servers started with the environment
/// the images set (URLS instead of --urls).
/// </summary>
public sealed class HealthcheckScriptTests
{
    [Fact]
    public async Task Healthcheck_passes_on_a_stub_that_listens_where_URLS_says_and_fails_once_nothing_listens()
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string> { ["URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_HTTP_PORTS"] = string.Empty };
        var stub = await ServiceProcess.StartAsync(
            "dotnet",
            [RepoPaths.SiblingDll("Bff.Stubs"), "--service", "orders"],
            port,
            new ServiceProcessOptions { Environment = environment },
            TestContext.Current.CancellationToken);
        try
        {
            var healthy = await RunHealthcheckAsync(new Dictionary<string, string> { ["URLS"] = $"http://+:{port}" });
            Assert.True(healthy.ExitCode == 0, healthy.Output);
        }
        finally
        {
            await stub.DisposeAsync();
        }

        var down = await RunHealthcheckAsync(new Dictionary<string, string> { ["URLS"] = $"http://+:{port}" });
        Assert.NotEqual(0, down.ExitCode);
    }

    [Fact]
    public async Task URLS_moves_a_bff_off_the_loopback_port_its_appsettings_pins_and_the_healthcheck_follows()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(keyFile, key.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        var port = FreePort.Next();
        var bffEnvironment = new Dictionary<string, string>(ComposeFile.Instance["web-bff-1"].Environment, StringComparer.Ordinal)
        {
            ["URLS"] = $"http://127.0.0.1:{port}",
            ["EdgeIdentity__VerificationKeyPath"] = keyFile,
            ["ASPNETCORE_HTTP_PORTS"] = string.Empty,
        };
        try
        {
            // Started from its own folder, as the image's WORKDIR /app, with the compose environment: appsettings.json
            // says 127.0.0.1:5101, so being ready on the URLS port shows which one wins.
            var dll = RepoPaths.SiblingDll("Web.Bff");
            await using var bff = await ServiceProcess.StartAsync(
                "dotnet",
                [dll],
                port,
                new ServiceProcessOptions { Environment = bffEnvironment, WorkingDirectory = Path.GetDirectoryName(dll) },
                TestContext.Current.CancellationToken);

            var run = await RunHealthcheckAsync(new Dictionary<string, string> { ["URLS"] = $"http://+:{port}" });
            Assert.True(run.ExitCode == 0, run.Output);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task Healthcheck_fails_when_healthz_answers_anything_but_200_and_HEALTHCHECK_PORT_wins_over_URLS()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answer = AnswerOnceAsync(listener, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var run = await RunHealthcheckAsync(new Dictionary<string, string> { ["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["URLS"] = "http://+:1" });

        Assert.Equal("GET /healthz HTTP/1.1", await answer);
        Assert.NotEqual(0, run.ExitCode);
    }

    private static Task<ToolRun> RunHealthcheckAsync(Dictionary<string, string> environment) =>
        ToolRun.RunAsync("bash", [RepoFiles.Full(RepoFiles.HealthcheckScript)], environment, TimeSpan.FromSeconds(20));

    // Answers one connection with a fixed response; returns the request line it got.
    private static async Task<string> AnswerOnceAsync(TcpListener listener, string response)
    {
        using var client = await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? string.Empty;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), TestContext.Current.CancellationToken);
        return requestLine;
    }
}
