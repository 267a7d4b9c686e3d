using System.Text.Json.Nodes;
using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Kubernetes;

/// <summary>deploy/k8s: the same images, ports, probe paths and environment as docker-compose.yml; an edge that scales and survives disruptions.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Instance;

    public static TheoryData<string> AppServices =>
    [
        .. ComposeFile.Instance.Services.Values
            .Where(s => s.DockerfilePath is not null && s.DockerfilePath.EndsWith("/Dockerfile", StringComparison.Ordinal) && s.Name != "keys")
            .Select(s => ComposeFile.DeploymentOf(s.Name))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Kustomization_lists_every_manifest_file_of_the_folder()
    {
        var files = Directory.GetFiles(RepoFiles.Full(RepoFiles.KubernetesFolder), "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, KubernetesManifests.KustomizationResources().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void Each_app_runs_the_compose_image_with_its_environment_port_and_probes(string name)
    {
        var compose = ComposeFile.Instance.Services.Values.First(s => ComposeFile.DeploymentOf(s.Name) == name);
        var deployment = Manifests.Get("Deployment", name);
        var container = KubernetesManifests.Container(deployment);
        var ports = container.List("ports").Select(p => Yaml.Map(p, "port")).ToArray();
        var httpPort = int.Parse(Assert.Single(ports, p => p.String("name") == "http").String("containerPort")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(compose.Image, container.String("image"));
        Assert.Equal(compose.Command, container.List("args").Cast<string>());
        Assert.Equal(name == "edge" ? 8080 : compose.UrlsPort, httpPort);
        Assert.Equal("/readyz", container.At("readinessProbe", "httpGet", "path"));
        Assert.Equal("http", container.At("readinessProbe", "httpGet", "port"));
        Assert.Equal("/healthz", container.At("livenessProbe", "httpGet", "path"));
        Assert.Equal("http", container.At("livenessProbe", "httpGet", "port"));
        var env = container.List("env").Select(e => Yaml.Map(e, "env")).ToDictionary(e => e.String("name")!, e => e.String("value")!, StringComparer.Ordinal);
        Assert.Equal(compose.Environment.OrderBy(e => e.Key, StringComparer.Ordinal), env.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal("true", deployment.At("spec", "template", "spec", "securityContext", "runAsNonRoot"));
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void Each_app_has_a_service_on_the_port_compose_publishes_selecting_its_pods(string name)
    {
        var compose = ComposeFile.Instance.Services.Values.First(s => ComposeFile.DeploymentOf(s.Name) == name);
        var service = Manifests.Get("Service", name);
        var deployment = Manifests.Get("Deployment", name);
        var ports = service.At("spec", "ports") is List<object> list ? list.Select(p => Yaml.Map(p, "port")).ToArray() : [];

        var expected = name == "edge" ? ComposeFile.Instance["haproxy"].Ports.Select(p => p.HostPort).Where(p => p is 8080 or 8443)
            : compose.Ports.Count > 0 ? compose.Ports.Select(p => p.ContainerPort) : [compose.UrlsPort!.Value];
        Assert.Equal(expected.Order(), ports.Select(p => int.Parse(p.String("port")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var containerPorts = KubernetesManifests.Container(deployment).List("ports").Select(p => Yaml.Map(p, "port").String("containerPort")!);
        Assert.Equal(expected.Order(), containerPorts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var selector = Yaml.Map(service.At("spec", "selector"), "selector");
        var labels = Yaml.Map(deployment.At("spec", "template", "metadata", "labels"), "labels");
        Assert.All(selector, pair => Assert.Equal(pair.Value, labels[pair.Key]));
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void Each_app_mounts_read_only_the_same_folders_as_in_compose(string name)
    {
        var compose = ComposeFile.Instance.Services.Values.First(s => ComposeFile.DeploymentOf(s.Name) == name);
        var container = KubernetesManifests.Container(Manifests.Get("Deployment", name));
        var mounts = container.List("volumeMounts").Select(m => Yaml.Map(m, "mount")).ToArray();

        var composeFolders = compose.Volumes.Select(v => v.IsBind && Path.HasExtension(v.Target) ? Path.GetDirectoryName(v.Target)! : v.Target);
        Assert.Equal(composeFolders.Order(StringComparer.Ordinal), mounts.Select(m => m.String("mountPath")!).Order(StringComparer.Ordinal));
        Assert.All(mounts, m => Assert.Equal("true", m.String("readOnly")));
    }

    [Fact]
    public void The_edge_keeps_at_least_two_replicas_scales_on_cpu_and_keeps_one_up_through_disruptions()
    {
        var deployment = Manifests.Get("Deployment", "edge");
        var hpa = Manifests.Get("HorizontalPodAutoscaler", "edge");
        var pdb = Manifests.Get("PodDisruptionBudget", "edge");
        var podLabels = Yaml.Map(deployment.At("spec", "template", "metadata", "labels"), "labels");

        Assert.True(int.Parse((string)deployment.At("spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("autoscaling/v2", hpa.String("apiVersion"));
        Assert.Equal("Deployment", hpa.At("spec", "scaleTargetRef", "kind"));
        Assert.Equal("edge", hpa.At("spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse((string)hpa.At("spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse((string)hpa.At("spec", "maxReplicas")!, System.Globalization.CultureInfo.InvariantCulture) > 2);
        Assert.NotNull(KubernetesManifests.Container(deployment).At("resources", "requests", "cpu")); // utilization needs a request
        Assert.Equal("policy/v1", pdb.String("apiVersion"));
        Assert.Equal("1", pdb.At("spec", "minAvailable"));
        Assert.All(Yaml.Map(pdb.At("spec", "selector", "matchLabels"), "matchLabels"), pair => Assert.Equal(pair.Value, podLabels[pair.Key]));
        Assert.Equal("0", deployment.At("spec", "strategy", "rollingUpdate", "maxUnavailable"));
    }

    [Theory]
    [InlineData("web-bff")]
    [InlineData("mobile-bff")]
    [InlineData("partner-bff")]
    public void Each_bff_runs_two_replicas_scales_on_cpu_keeps_one_up_through_disruptions_and_shares_redis(string name)
    {
        var deployment = Manifests.Get("Deployment", name);
        var hpa = Manifests.Get("HorizontalPodAutoscaler", name);
        var pdb = Manifests.Get("PodDisruptionBudget", name);
        var container = KubernetesManifests.Container(deployment);
        var podLabels = Yaml.Map(deployment.At("spec", "template", "metadata", "labels"), "labels");
        var env = container.List("env").Select(e => Yaml.Map(e, "env")).ToDictionary(e => e.String("name")!, e => e.String("value")!, StringComparer.Ordinal);

        Assert.Equal("2", deployment.At("spec", "replicas"));
        Assert.Equal("0", deployment.At("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal(name, hpa.At("spec", "scaleTargetRef", "name"));
        Assert.Equal("2", hpa.At("spec", "minReplicas"));
        Assert.Equal("cpu", ((List<object>)hpa.At("spec", "metrics")!).Select(m => Yaml.Map(m, "metric")).Single().At("resource", "name"));
        Assert.Equal("1", pdb.At("spec", "minAvailable"));
        Assert.All(Yaml.Map(pdb.At("spec", "selector", "matchLabels"), "matchLabels"), pair => Assert.Equal(pair.Value, podLabels[pair.Key]));
        Assert.NotNull(container.At("resources", "requests", "cpu"));
        Assert.NotNull(container.At("resources", "requests", "memory"));
        Assert.NotNull(container.At("resources", "limits", "cpu"));
        Assert.NotNull(container.At("resources", "limits", "memory"));
        Assert.Equal("redis", env["RateLimiting__Backend"]);
        Assert.Equal(ComposeFile.Instance.EdgeReplicas[0].Environment["RateLimiting__Redis__Endpoint"], env["RateLimiting__Redis__Endpoint"]);
    }

    [Theory]
    [InlineData("web-bff")]
    [InlineData("mobile-bff")]
    [InlineData("partner-bff")]
    public void Each_bff_is_given_longer_to_stop_than_it_pauses_serves_on_unready_and_drains(string name)
    {
        var deployment = Manifests.Get("Deployment", name);
        var container = KubernetesManifests.Container(deployment);
        var env = container.List("env").Select(e => Yaml.Map(e, "env")).ToDictionary(e => e.String("name")!, e => e.String("value")!, StringComparer.Ordinal);
        var delay = TimeSpan.Parse(env["Shutdown__Delay"], System.Globalization.CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse(env["Shutdown__Timeout"], System.Globalization.CultureInfo.InvariantCulture);
        var pause = TimeSpan.FromSeconds(int.Parse(((List<object>)container.At("lifecycle", "preStop", "exec", "command")!).Cast<string>().ElementAt(1), System.Globalization.CultureInfo.InvariantCulture));
        var readiness = Yaml.Map(container["readinessProbe"], "readinessProbe");
        var markedUnready = TimeSpan.FromSeconds(int.Parse(readiness.String("periodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) * (int.Parse(readiness.String("failureThreshold")!, System.Globalization.CultureInfo.InvariantCulture) + 1));

        Assert.True(delay >= markedUnready, $"Shutdown__Delay {delay} does not outlast the readiness probe's {markedUnready}");
        Assert.True(int.Parse((string)deployment.At("spec", "template", "spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > (pause + delay + drain).TotalSeconds);
    }

    [Fact]
    public void The_edge_is_balanced_at_l4_and_given_longer_to_stop_than_it_pauses_serves_on_and_drains()
    {
        var service = Manifests.Get("Service", "edge");
        var pod = Yaml.Map(Manifests.Get("Deployment", "edge").At("spec", "template", "spec"), "pod");
        var server = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!["Server"]!;
        var delay = TimeSpan.Parse((string)server["ShutdownDelay"]!, System.Globalization.CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse((string)server["ShutdownTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);
        var container = KubernetesManifests.Container(Manifests.Get("Deployment", "edge"));
        var preStop = ((List<object>)container.At("lifecycle", "preStop", "exec", "command")!).Cast<string>().ToArray();
        var readiness = Yaml.Map(container["readinessProbe"], "readinessProbe");
        var markedUnready = TimeSpan.FromSeconds(int.Parse(readiness.String("periodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) * (int.Parse(readiness.String("failureThreshold")!, System.Globalization.CultureInfo.InvariantCulture) + 1));

        Assert.Equal("LoadBalancer", service.At("spec", "type"));
        Assert.Equal("sleep", preStop[0]);
        var pause = TimeSpan.FromSeconds(int.Parse(preStop[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(delay > markedUnready, $"Server.ShutdownDelay {delay} does not outlast the readiness probe's {markedUnready}");
        Assert.True(int.Parse(pod.String("terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > (pause + delay + drain).TotalSeconds);
    }

    [Fact]
    public void Redis_runs_the_compose_image_behind_the_service_the_edges_use()
    {
        var endpoint = ComposeFile.Instance.EdgeReplicas[0].Environment["RateLimiting__Redis__Endpoint"];
        var host = endpoint[..endpoint.LastIndexOf(':')];
        var container = KubernetesManifests.Container(Manifests.Get("Deployment", host));
        var service = Manifests.Get("Service", host);

        Assert.Equal(ComposeFile.Instance[host].Image, container.String("image"));
        Assert.Equal(endpoint[(endpoint.LastIndexOf(':') + 1)..], Yaml.Map(((List<object>)service.At("spec", "ports")!)[0], "port").String("port"));
        Assert.NotNull(container.At("readinessProbe"));
        Assert.NotNull(container.At("livenessProbe"));
    }

    [Fact]
    public void The_edge_config_map_holds_the_compose_edge_config_with_each_cluster_naming_the_service_mounted_at_EDGE_CONFIG()
    {
        var configMap = Manifests.Get("ConfigMap", "edge-config");
        var deployment = Manifests.Get("Deployment", "edge");
        var configPath = ComposeFile.Instance.EdgeReplicas[0].Environment["EDGE_CONFIG"];
        var mount = KubernetesManifests.Container(deployment).List("volumeMounts").Select(m => Yaml.Map(m, "mount"))
            .Single(m => m.String("mountPath") == Path.GetDirectoryName(configPath));
        var volume = ((List<object>)deployment.At("spec", "template", "spec", "volumes")!).Select(v => Yaml.Map(v, "volume"))
            .Single(v => v.String("name") == mount.String("name"));

        var compose = JsonNode.Parse(RepoFiles.Read(RepoFiles.ComposeEdgeConfig))!;
        var k8s = JsonNode.Parse((string)configMap.At("data", Path.GetFileName(configPath))!)!;

        Assert.Equal("edge-config", volume.At("configMap", "name"));
        Assert.True(JsonNode.DeepEquals(WithoutDestinations(compose), WithoutDestinations(k8s)), "the ConfigMap differs from config/edge.compose.json: run deploy/sync-edge-config.sh");
        foreach (var (clusterId, cluster) in k8s["Clusters"]!.AsObject())
        {
            // Where compose lists the replicas (web-bff-1, web-bff-2), the cluster names the Service that spreads over the pods.
            var destination = Assert.Single(cluster!["Destinations"]!.AsObject()).Value!;
            var address = new Uri((string)destination["Address"]!);
            var composeAddresses = compose["Clusters"]![clusterId]!["Destinations"]!.AsObject().Select(d => new Uri((string)d.Value!["Address"]!)).ToArray();
            Assert.All(composeAddresses, a => Assert.Equal((address.Port, address.AbsolutePath), (a.Port, a.AbsolutePath)));
            Assert.All(composeAddresses, a => Assert.Equal(address.Host, ComposeFile.DeploymentOf(a.Host)));
            Assert.NotNull(Manifests.Get("Service", address.Host));
        }
    }

    [Fact]
    public void The_edge_keys_come_from_a_secret_and_the_bffs_get_only_the_public_key()
    {
        var edgeVolumes = ((List<object>)Manifests.Get("Deployment", "edge").At("spec", "template", "spec", "volumes")!).Select(v => Yaml.Map(v, "volume"));
        Assert.Contains(edgeVolumes, v => (string?)v.At("secret", "secretName") == "edge-secrets");

        foreach (var bff in new[] { "web-bff", "mobile-bff", "partner-bff" })
        {
            var volumes = ((List<object>)Manifests.Get("Deployment", bff).At("spec", "template", "spec", "volumes")!).Select(v => Yaml.Map(v, "volume")).ToArray();
            Assert.Equal("edge-public", Assert.Single(volumes).At("configMap", "name"));
        }
    }

    private static JsonNode WithoutDestinations(JsonNode config)
    {
        var copy = config.DeepClone();
        foreach (var (_, cluster) in copy["Clusters"]!.AsObject())
        {
            cluster!.AsObject().Remove("Destinations");
        }

        return copy;
    }
}
