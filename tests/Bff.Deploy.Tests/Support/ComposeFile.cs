namespace Bff.Deploy.Tests.Support;

/// <summary><c>docker-compose.yml</c> at the repository root, parsed once.</summary>
internal sealed class ComposeFile
{
    private static readonly Lazy<ComposeFile> LazyInstance = new(() => Load(Path.Combine(RepoFiles.Root, "docker-compose.yml")));

    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services, IReadOnlyCollection<string> volumes)
    {
        Services = services;
        Volumes = volumes;
    }

    public static ComposeFile Instance => LazyInstance.Value;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>Names of the top-level named volumes.</summary>
    public IReadOnlyCollection<string> Volumes { get; }

    /// <summary>The edge replicas: every service built from the edge's Dockerfile.</summary>
    public IReadOnlyList<ComposeService> EdgeReplicas =>
        Services.Values.Where(s => s.DockerfilePath == RepoFiles.EdgeDockerfile).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The replicas of a replicated service, one compose service each: <c>web-bff-1</c>, <c>web-bff-2</c> ... for <c>web-bff</c>.</summary>
    public IReadOnlyList<ComposeService> ReplicasOf(string name) =>
        Services.Values.Where(s => DeploymentOf(s.Name) == name && s.Name != name).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    /// <summary>What a service runs as one Deployment in Kubernetes: its name without a replica number (<c>edge-2</c> -> <c>edge</c>).</summary>
    public static string DeploymentOf(string service) => System.Text.RegularExpressions.Regex.Replace(service, "-[0-9]+$", string.Empty);

    public ComposeService this[string name] =>
        Services.TryGetValue(name, out var service) ? service : throw new KeyNotFoundException($"docker-compose.yml has no service '{name}'");

    public static ComposeFile Load(string path)
    {
        var root = Yaml.LoadDocuments(path).Single();
        var services = Yaml.Map(root["services"], "services")
            .ToDictionary(e => (string)e.Key, e => ComposeService.From((string)e.Key, Yaml.Map(e.Value, (string)e.Key)), StringComparer.Ordinal);
        var volumes = root.OptionalMap("volumes")?.Keys.Cast<string>().ToArray() ?? [];
        return new ComposeFile(services, volumes);
    }
}
