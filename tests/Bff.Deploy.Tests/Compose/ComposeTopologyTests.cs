using System.Text.Json.Nodes;
using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Compose;

/// <summary>docker-compose.yml: the env and volumes each service needs, and several edges sharing one Redis.</summary>
public sealed class ComposeTopologyTests
{
    private static readonly ComposeFile Compose = ComposeFile.Instance;

    private static readonly (string Service, string Project)[] BffServices = [("web-bff", "Web.Bff"), ("mobile-bff", "Mobile.Bff"), ("partner-bff", "Partner.Bff")];

    public static TheoryData<string, string> Bffs => [.. BffServices];

    [Fact]
    public void At_least_two_edge_replicas_share_one_redis_for_rate_limits()
    {
        var edges = Compose.EdgeReplicas;

        Assert.True(edges.Count >= 2, $"only {edges.Count} edge replica(s)");
        Assert.All(edges, edge => Assert.Equal("redis", edge.Environment["RateLimiting__Backend"]));
        var endpoint = Assert.Single(edges.Select(e => e.Environment["RateLimiting__Redis__Endpoint"]).Distinct());
        var host = endpoint[..endpoint.LastIndexOf(':')];
        Assert.StartsWith("redis:", Compose[host].Image, StringComparison.Ordinal);
        Assert.EndsWith(":6379", endpoint, StringComparison.Ordinal);
        Assert.All(edges, edge => Assert.Equal("service_healthy", edge.DependsOn[host]));
    }

    [Fact]
    public void The_edges_share_their_response_cache_through_the_same_redis()
    {
        var config = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;

        Assert.Equal(Compose.EdgeReplicas[0].Environment["RateLimiting__Redis__Endpoint"], (string?)config["Caching"]?["Redis"]?["Endpoint"]);
    }

    [Fact]
    public void Edge_replicas_are_identical_but_for_their_name()
    {
        var edges = Compose.EdgeReplicas;

        foreach (var edge in edges.Skip(1))
        {
            Assert.Equal(edges[0] with { Name = edge.Name }, edge, ComposeServiceComparer.Instance);
        }
    }

    [Fact]
    public void Docker_stop_gives_each_edge_longer_than_it_keeps_serving_and_drains()
    {
        var server = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!["Server"]!;
        var stop = TimeSpan.Parse((string)server["ShutdownDelay"]!, System.Globalization.CultureInfo.InvariantCulture)
            + TimeSpan.Parse((string)server["ShutdownTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.All(Compose.EdgeReplicas, edge => Assert.True(edge.StopGracePeriod > stop, $"{edge.Name}: stop_grace_period {edge.StopGracePeriod} is not above {stop}"));
    }

    [Fact]
    public void Edges_read_the_compose_edge_config_from_a_read_only_mount_at_EDGE_CONFIG()
    {
        foreach (var edge in Compose.EdgeReplicas)
        {
            var configPath = edge.Environment["EDGE_CONFIG"];
            var mount = Assert.Single(edge.Volumes, v => v.Target == configPath);
            Assert.True(mount.ReadOnly);
            Assert.Equal("./" + RepoFiles.ComposeEdgeConfig, mount.Source);
        }
    }

    [Fact]
    public void Edges_mount_read_only_the_private_keys_the_keys_service_writes_and_bffs_only_the_public_one()
    {
        var config = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;
        string[] edgeFiles =
        [
            (string)config["Identity"]!["SigningKeyPath"]!,
            (string)config["Server"]!["Tls"]!["CertificatePath"]!,
            (string)config["Server"]!["Tls"]!["KeyPath"]!,
        ];
        var keys = Compose["keys"];
        var secretVolume = VolumeAt(Compose.EdgeReplicas[0], Path.GetDirectoryName(edgeFiles[0])!);

        Assert.All(edgeFiles, f => Assert.Equal(Path.GetDirectoryName(edgeFiles[0]), Path.GetDirectoryName(f)));
        Assert.Contains(secretVolume.Source, Compose.Volumes);
        Assert.Contains(keys.Volumes, v => v.Source == secretVolume.Source && !v.ReadOnly);
        foreach (var edge in Compose.EdgeReplicas)
        {
            var mount = VolumeAt(edge, Path.GetDirectoryName(edgeFiles[0])!);
            Assert.Equal(secretVolume.Source, mount.Source);
            Assert.True(mount.ReadOnly);
            Assert.Equal("service_completed_successfully", edge.DependsOn["keys"]);
        }

        foreach (var bff in BffServices.SelectMany(b => BffReplicas(b.Service)))
        {
            var keyPath = bff.Environment["EdgeIdentity__VerificationKeyPath"];
            var mount = VolumeAt(bff, Path.GetDirectoryName(keyPath)!);
            Assert.True(mount.ReadOnly);
            Assert.NotEqual(secretVolume.Source, mount.Source);
            Assert.Contains(keys.Volumes, v => v.Source == mount.Source);
            Assert.DoesNotContain(bff.Volumes, v => v.Source == secretVolume.Source);
            Assert.Equal("service_completed_successfully", bff.DependsOn["keys"]);
        }
    }

    [Fact]
    public void The_keys_service_writes_the_file_names_the_edge_config_and_the_bffs_use()
    {
        var script = RepoFiles.Read(RepoFiles.KeysScript);
        var config = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;

        Assert.Contains("$secret/" + Path.GetFileName((string)config["Identity"]!["SigningKeyPath"]!), script, StringComparison.Ordinal);
        Assert.Contains("$secret/" + Path.GetFileName((string)config["Server"]!["Tls"]!["CertificatePath"]!), script, StringComparison.Ordinal);
        Assert.Contains("$secret/" + Path.GetFileName((string)config["Server"]!["Tls"]!["KeyPath"]!), script, StringComparison.Ordinal);
        foreach (var bff in BffServices.SelectMany(b => BffReplicas(b.Service)))
        {
            Assert.Contains("$public/" + Path.GetFileName(bff.Environment["EdgeIdentity__VerificationKeyPath"]), script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Bffs))]
    public void Each_bff_gets_the_domain_service_urls_of_the_compose_services(string name, string project)
    {
        var appsettings = JsonNode.Parse(RepoFiles.Read($"bffs/{project}/appsettings.json"))!;

        foreach (var (bff, (domain, _)) in BffReplicas(name).SelectMany(bff => appsettings["DomainServices"]!.AsObject().Select(d => (bff, d))))
        {
            var url = new Uri(bff.Environment[$"DomainServices__{domain}__BaseUrl"]);
            var target = Compose[url.Host];
            Assert.Equal(domain.ToLowerInvariant(), url.Host);
            Assert.Equal(target.UrlsPort, url.Port);
            Assert.Equal("service_healthy", bff.DependsOn[url.Host]);
        }
    }

    [Theory]
    [MemberData(nameof(Bffs))]
    public void No_loopback_address_or_local_key_path_of_a_bff_appsettings_survives_in_its_container(string name, string project)
    {
        var appsettings = JsonNode.Parse(RepoFiles.Read($"bffs/{project}/appsettings.json"))!;

        foreach (var (bff, (key, value)) in BffReplicas(name).SelectMany(bff => Leaves(appsettings, string.Empty).Select(l => (bff, l))))
        {
            if (value.Contains("127.0.0.1", StringComparison.Ordinal) || value.StartsWith(".dev/", StringComparison.Ordinal))
            {
                Assert.True(bff.Environment.ContainsKey(key), $"{bff.Name}: {key} = {value} in appsettings.json is not overridden by the environment");
            }
        }
    }

    [Fact]
    public void The_identity_stub_issues_tokens_for_the_authority_the_edges_trust()
    {
        var config = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;
        var authority = new Uri((string)config["Authentication"]!["Jwt"]!["Authority"]!);
        var issuer = new Uri(Compose["identity"].Environment["Identity__Issuer"]);

        Assert.Equal(authority.GetLeftPart(UriPartial.Authority), issuer.GetLeftPart(UriPartial.Authority));
        Assert.Equal(Compose[authority.Host].UrlsPort, authority.Port);
    }

    private static IReadOnlyList<ComposeService> BffReplicas(string name)
    {
        var replicas = Compose.ReplicasOf(name);
        Assert.NotEmpty(replicas);
        return replicas;
    }

    private static VolumeMount VolumeAt(ComposeService service, string directory) =>
        service.Volumes.SingleOrDefault(v => v.Target == directory)
        ?? throw new Xunit.Sdk.XunitException($"{service.Name} mounts nothing at {directory}");

    // Configuration keys as environment variables name them (Section__Key), with their string values.
    private static IEnumerable<(string Key, string Value)> Leaves(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    foreach (var leaf in Leaves(child, prefix.Length == 0 ? key : $"{prefix}__{key}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (prefix.Equals("Urls", StringComparison.OrdinalIgnoreCase) ? "URLS" : prefix, text);
                break;
        }
    }
}
