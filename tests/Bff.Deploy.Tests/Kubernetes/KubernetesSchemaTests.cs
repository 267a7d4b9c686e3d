using System.Text.Json.Nodes;
using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Kubernetes;

/// <summary>deploy/k8s against the Kubernetes API schemas (npm kubernetes-models, offline), as the API server would type-check them.</summary>
public sealed class KubernetesSchemaTests
{
    [Fact]
    public async Task Every_manifest_object_is_valid_against_its_api_schema()
    {
        var objects = new JsonArray(KubernetesManifests.KustomizationResources()
            .SelectMany(file => YamlJson.LoadDocuments(RepoFiles.Full($"{RepoFiles.KubernetesFolder}/{file}")))
            .ToArray());
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, objects.ToJsonString(), TestContext.Current.CancellationToken);

            var run = await ToolRun.RunAsync("node", [RepoFiles.Full("tools/node/scripts/validate-k8s.mjs"), file]);

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(objects.Count, run.Output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_schema_check_catches_a_wrongly_typed_field()
    {
        var service = YamlJson.LoadDocuments(RepoFiles.Full($"{RepoFiles.KubernetesFolder}/redis.yaml")).Last()!;
        service["spec"]!["ports"]![0]!["port"] = "6379"; // a string where the API wants an integer
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, new JsonArray(service).ToJsonString(), TestContext.Current.CancellationToken);

            var run = await ToolRun.RunAsync("node", [RepoFiles.Full("tools/node/scripts/validate-k8s.mjs"), file]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("port must be integer", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
