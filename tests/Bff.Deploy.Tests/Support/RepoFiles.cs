using Bff.TestSupport.Paths;

namespace Bff.Deploy.Tests.Support;

/// <summary>Paths of the deployment files, relative to the repository root where a file names them that way.</summary>
internal static class RepoFiles
{
    public const string EdgeDockerfile = "shared/Bff.Edge/Dockerfile";

    public const string ComposeEdgeConfig = "config/edge.compose.json";

    public const string LocalEdgeConfig = "config/edge.local.json";

    public const string HaproxyConfig = "deploy/haproxy/haproxy.cfg";

    public const string KeysScript = "deploy/keys/gen-keys.sh";

    public const string HealthcheckScript = "deploy/docker/healthcheck.sh";

    public const string KubernetesFolder = "deploy/k8s";

    public static string Root => RepoPaths.Root;

    public static string Full(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public static string Read(string relativePath) => File.ReadAllText(Full(relativePath));
}
