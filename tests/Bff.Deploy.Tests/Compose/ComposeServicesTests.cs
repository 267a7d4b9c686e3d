using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Compose;

/// <summary>docker-compose.yml: one service per deployable, built from its own Dockerfile, on the ports of ARCHITECTURE.md.</summary>
public sealed class ComposeServicesTests
{
    private static readonly ComposeFile Compose = ComposeFile.Instance;

    public static TheoryData<string> Deployables => [.. DeployableProject.All.Select(p => p.Name)];

    public static TheoryData<string, int> StubPorts => new()
    {
        { "identity", 5200 }, { "users", 5201 }, { "orders", 5202 }, { "products", 5203 }, { "reviews", 5204 },
    };

    public static TheoryData<string, int> BffPorts => new() { { "web-bff", 5101 }, { "mobile-bff", 5102 }, { "partner-bff", 5103 } };

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Every_deployable_project_has_a_service_built_from_its_own_dockerfile_in_an_existing_context(string name)
    {
        var project = DeployableProject.Named(name);

        var services = Compose.Services.Values.Where(s => s.DockerfilePath == project.DockerfilePath).ToArray();

        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            Assert.True(Directory.Exists(RepoFiles.Full(service.BuildContext!)), $"{service.Name}: build context {service.BuildContext} does not exist");
            Assert.True(File.Exists(RepoFiles.Full(service.DockerfilePath!)), $"{service.Name}: {service.DockerfilePath} does not exist");
            Assert.Equal(".", service.BuildContext); // the projects reference shared/ and the root build props
            Assert.StartsWith("bff-suite/", service.Image, StringComparison.Ordinal);
        }

        // One image per deployable, whatever the number of services running it.
        Assert.Single(services.Select(s => s.Image).Distinct());
    }

    [Fact]
    public void The_suite_has_every_service_of_the_architecture()
    {
        // A replicated service counts by its replicas (web-bff-1, web-bff-2 run web-bff).
        Assert.Subset(
            Compose.Services.Keys.Select(ComposeFile.DeploymentOf).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal)
            {
                "redis", "identity", "users", "orders", "products", "reviews", "web-bff", "mobile-bff", "partner-bff", "haproxy",
            });
    }

    [Fact]
    public void Haproxy_publishes_the_edge_ports_of_run_sh_on_loopback_and_the_edges_publish_none()
    {
        var ports = Compose["haproxy"].Ports;

        Assert.Contains(new PublishedPort("127.0.0.1", 8080, 8080), ports);
        Assert.Contains(new PublishedPort("127.0.0.1", 8443, 8443), ports);
        Assert.All(Compose.EdgeReplicas, edge => Assert.Empty(edge.Ports));
    }

    [Theory]
    [MemberData(nameof(StubPorts))]
    public void Each_stub_plays_the_service_it_is_named_after_on_its_port(string name, int port)
    {
        var service = Compose[name];

        Assert.Equal(["--service", name], service.Command);
        Assert.Equal(port, service.UrlsPort);
        Assert.Contains(new PublishedPort("127.0.0.1", port, port), service.Ports);
        Assert.All(service.Ports, p => Assert.Equal("127.0.0.1", p.HostIp));
        Assert.Equal("domain-stubs/Bff.Stubs/Dockerfile", service.DockerfilePath);
    }

    [Fact]
    public void The_reviews_stub_also_serves_grpc_on_the_port_run_sh_gives_it()
    {
        var reviews = Compose["reviews"];

        Assert.Equal("http://+:5214", reviews.Environment["Stub__Grpc__Url"]);
        Assert.Contains(new PublishedPort("127.0.0.1", 5214, 5214), reviews.Ports);
    }

    [Theory]
    [MemberData(nameof(BffPorts))]
    public void Each_bff_runs_as_two_identical_single_container_services_on_its_port_reached_only_through_the_edge(string name, int port)
    {
        var replicas = Compose.ReplicasOf(name);

        Assert.Equal(2, replicas.Count);
        Assert.False(Compose.Services.ContainsKey(name), $"{name} runs as its replicas ({name}-1, {name}-2), not as a service of its own");
        foreach (var replica in replicas)
        {
            Assert.Equal(port, replica.UrlsPort);
            Assert.Equal(1, replica.Replicas); // one container per service name, so the edge's clusters can name each
            Assert.Empty(replica.Ports); // two replicas cannot publish one host port; only the edge calls a BFF
            Assert.Equal(replicas[0] with { Name = replica.Name }, replica, ComposeServiceComparer.Instance);
        }
    }

    [Fact]
    public void Every_dependency_names_a_service_of_the_file_with_a_known_condition()
    {
        foreach (var service in Compose.Services.Values)
        {
            foreach (var (dependency, condition) in service.DependsOn)
            {
                Assert.True(Compose.Services.ContainsKey(dependency), $"{service.Name} depends on unknown service {dependency}");
                Assert.Contains(condition, new[] { "service_started", "service_healthy", "service_completed_successfully" });
            }
        }
    }

    [Fact]
    public void Services_that_are_waited_for_as_healthy_have_a_health_check()
    {
        var waitedHealthy = Compose.Services.Values.SelectMany(s => s.DependsOn).Where(d => d.Value == "service_healthy").Select(d => d.Key).Distinct();

        foreach (var name in waitedHealthy)
        {
            var service = Compose[name];
            var fromImage = service.DockerfilePath is { } dockerfile && Dockerfile.Load(dockerfile).Runtime.All("HEALTHCHECK").Any();
            Assert.True(fromImage || service.HasOwnHealthcheck, $"{name} is waited for as healthy but has no HEALTHCHECK");
        }
    }
}
