namespace Bff.Deploy.Tests.Support;

/// <summary>Every object of the YAML files under deploy/k8s (the kustomization itself aside).</summary>
internal sealed class KubernetesManifests
{
    private static readonly Lazy<KubernetesManifests> LazyInstance = new(Load);

    private KubernetesManifests(IReadOnlyList<Dictionary<object, object>> objects) => Objects = objects;

    public static KubernetesManifests Instance => LazyInstance.Value;

    public IReadOnlyList<Dictionary<object, object>> Objects { get; }

    public IEnumerable<Dictionary<object, object>> OfKind(string kind) => Objects.Where(o => o.String("kind") == kind);

    public Dictionary<object, object> Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o.At("metadata", "name") == name)
        ?? throw new Xunit.Sdk.XunitException($"deploy/k8s has no {kind} named {name}");

    /// <summary>The first container of a Deployment's pod template.</summary>
    public static Dictionary<object, object> Container(Dictionary<object, object> deployment) =>
        Yaml.Map(((List<object>)deployment.At("spec", "template", "spec", "containers")!)[0], "container");

    /// <summary>The files kustomization.yaml lists.</summary>
    public static IReadOnlyList<string> KustomizationResources() =>
        Yaml.LoadDocuments(RepoFiles.Full($"{RepoFiles.KubernetesFolder}/kustomization.yaml")).Single().List("resources").Cast<string>().ToArray();

    private static KubernetesManifests Load() =>
        new(KustomizationResources().SelectMany(file => Yaml.LoadDocuments(RepoFiles.Full($"{RepoFiles.KubernetesFolder}/{file}"))).ToArray());
}
