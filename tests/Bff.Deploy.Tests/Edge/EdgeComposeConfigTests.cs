using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Bff.Deploy.Tests.Support;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Deploy.Tests.Edge;

/// <summary>
/// config/edge.compose.json through the real edge executable, started the way its container starts it (EDGE_CONFIG
/// and the compose environment), with keys from the keys service's script. Only what cannot exist outside a
/// container is moved: the listen addresses (to free loopback ports), the key folder (to a temporary one) and the
/// identity service (a real identity stub on loopback, which the edge needs before it reports ready).
/// </summary>
public sealed class EdgeComposeConfigTests
{
    private static readonly JsonNode ComposeConfig = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;

    [Fact]
    public async Task The_edge_gets_ready_and_serves_the_shared_certificate_with_the_compose_config_and_environment()
    {
        using var keys = await EdgeKeys.CreateAsync();
        var (httpPort, httpsPort) = (FreePort.Next(), FreePort.Next());
        var configFile = WriteLoopbackCopy(keys, httpPort, httpsPort, ComposeConfig.DeepClone());
        var identityPort = FreePort.Next();
        var identityEnvironment = new Dictionary<string, string>(ComposeFile.Instance["identity"].Environment, StringComparer.Ordinal)
        {
            ["URLS"] = $"http://127.0.0.1:{identityPort}",
            ["Identity__Issuer"] = $"http://127.0.0.1:{identityPort}",
        };
        await using var identity = await ServiceProcess.StartAsync(
            "dotnet",
            [RepoPaths.SiblingDll("Bff.Stubs"), .. ComposeFile.Instance["identity"].Command],
            identityPort,
            new ServiceProcessOptions { Environment = identityEnvironment },
            TestContext.Current.CancellationToken);
        var edgeEnvironment = EdgeEnvironment(configFile);
        edgeEnvironment["Authentication__Jwt__Authority"] = $"http://127.0.0.1:{identityPort}/";

        // Ready (/readyz, what haproxy and Kubernetes poll) needs the config, the keys, the certificate and the JWKS.
        await using var edge = await ServiceProcess.StartAsync(
            "dotnet",
            [RepoPaths.SiblingDll("Bff.Edge")],
            httpPort,
            new ServiceProcessOptions { Environment = edgeEnvironment, ReadyTimeout = TimeSpan.FromSeconds(60) },
            TestContext.Current.CancellationToken);

        using var expected = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(keys.Certificate, TestContext.Current.CancellationToken));
        string? served = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                served = certificate?.Thumbprint;
                return certificate?.Thumbprint == expected.Thumbprint;
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri($"https://127.0.0.1:{httpsPort}/healthz"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Thumbprint, served);
    }

    [Fact]
    public async Task A_config_the_edge_refuses_makes_the_same_start_exit_with_2_naming_the_key()
    {
        using var keys = await EdgeKeys.CreateAsync();
        var broken = ComposeConfig.DeepClone();
        broken["Clusters"]!["web-bff"]!["Destinations"]!["web-bff-1"]!["Adress"] = "http://web-bff:5101";
        var configFile = WriteLoopbackCopy(keys, FreePort.Next(), FreePort.Next(), broken);

        var run = await ToolRun.RunAsync("dotnet", [RepoPaths.SiblingDll("Bff.Edge")], EdgeEnvironment(configFile), TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Adress", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_destination_is_a_compose_service_on_a_port_it_listens_on()
    {
        foreach (var (clusterId, cluster) in ComposeConfig["Clusters"]!.AsObject())
        {
            foreach (var (_, destination) in cluster!["Destinations"]!.AsObject())
            {
                var address = new Uri((string)destination!["Address"]!);
                Assert.True(ComposeFile.Instance.Services.TryGetValue(address.Host, out var service), $"{clusterId}: {address} is no compose service");
                Assert.Contains(address.Port, service.Ports.Select(p => p.ContainerPort).Append(service.UrlsPort ?? 0));
            }
        }
    }

    [Theory]
    [InlineData("web-bff")]
    [InlineData("mobile-bff")]
    [InlineData("partner-bff")]
    public void Each_bff_cluster_lists_exactly_its_compose_replicas_each_health_checked_and_awaited_by_every_edge(string name)
    {
        var cluster = ComposeConfig["Clusters"]![name]!;
        var replicas = ComposeFile.Instance.ReplicasOf(name);
        var hosts = cluster["Destinations"]!.AsObject().Select(d => new Uri((string)d.Value!["Address"]!).Host);

        Assert.True(replicas.Count >= 2, $"{name}: only {replicas.Count} replica(s)");
        Assert.Equal(replicas.Select(r => r.Name), hosts.Order(StringComparer.Ordinal));
        Assert.True((bool)cluster["HealthCheck"]!["Active"]!["Enabled"]!, $"{name}: the edge does not check its replicas");
        foreach (var replica in replicas)
        {
            Assert.True(replica.HasOwnHealthcheck || Dockerfile.Load(replica.DockerfilePath!).Runtime.All("HEALTHCHECK").Any(), $"{replica.Name} has no HEALTHCHECK");
            Assert.All(ComposeFile.Instance.EdgeReplicas, edge => Assert.Equal("service_healthy", edge.DependsOn[replica.Name]));
        }
    }

    [Fact]
    public void The_compose_config_routes_and_limits_exactly_like_the_local_one()
    {
        var local = JsonNode.Parse(RepoFiles.Read(RepoFiles.LocalEdgeConfig))!;

        Assert.True(JsonNode.DeepEquals(local["Routes"], ComposeConfig["Routes"]), "Routes differ from config/edge.local.json: run deploy/sync-edge-config.sh");
        Assert.True(JsonNode.DeepEquals(local["RateLimiting"], ComposeConfig["RateLimiting"]), "RateLimiting differs from config/edge.local.json: run deploy/sync-edge-config.sh");
        Assert.True(JsonNode.DeepEquals(local["Authentication"]!["ApiKeys"], ComposeConfig["Authentication"]!["ApiKeys"]), "API keys differ from config/edge.local.json: run deploy/sync-edge-config.sh");
        Assert.Equal(local["Clusters"]!.AsObject().Select(c => c.Key), ComposeConfig["Clusters"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public void The_edge_listens_on_every_interface_with_a_provided_certificate_and_never_generates_one()
    {
        var server = ComposeConfig["Server"]!;

        Assert.Equal(["http://0.0.0.0:8080", "https://0.0.0.0:8443"], server["Urls"]!.AsArray().Select(u => (string)u!));
        Assert.False((bool)server["Tls"]!["GenerateDevCertificate"]!);
        Assert.NotNull((string?)server["Tls"]!["KeyPath"]);
    }

    [Fact]
    public async Task The_keys_script_keeps_its_keys_on_a_second_run_and_publishes_the_matching_public_key()
    {
        using var keys = await EdgeKeys.CreateAsync();
        var first = await File.ReadAllTextAsync(keys.SigningKey, TestContext.Current.CancellationToken);
        var certificate = await File.ReadAllTextAsync(keys.Certificate, TestContext.Current.CancellationToken);

        await keys.RunScriptAsync();

        Assert.Equal(first, await File.ReadAllTextAsync(keys.SigningKey, TestContext.Current.CancellationToken));
        Assert.Equal(certificate, await File.ReadAllTextAsync(keys.Certificate, TestContext.Current.CancellationToken));
        using var signing = System.Security.Cryptography.ECDsa.Create();
        signing.ImportFromPem(first);
        Assert.Equal(
            signing.ExportSubjectPublicKeyInfoPem().ReplaceLineEndings().Trim(),
            (await File.ReadAllTextAsync(keys.VerificationKey, TestContext.Current.CancellationToken)).ReplaceLineEndings().Trim());
    }

    private static string WriteLoopbackCopy(EdgeKeys keys, int httpPort, int httpsPort, JsonNode config)
    {
        config["Server"]!["Urls"] = new JsonArray($"http://127.0.0.1:{httpPort}", $"https://127.0.0.1:{httpsPort}");
        config["Server"]!["Tls"]!["CertificatePath"] = keys.Certificate;
        config["Server"]!["Tls"]!["KeyPath"] = keys.CertificateKey;
        config["Identity"]!["SigningKeyPath"] = keys.SigningKey;
        var path = Path.Combine(keys.Folder, "edge.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    // The environment of the first compose edge replica, EDGE_CONFIG pointing at the loopback copy.
    private static Dictionary<string, string> EdgeEnvironment(string configFile)
    {
        var environment = new Dictionary<string, string>(ComposeFile.Instance.EdgeReplicas[0].Environment, StringComparer.Ordinal)
        {
            ["EDGE_CONFIG"] = configFile,
        };
        return environment;
    }
}
