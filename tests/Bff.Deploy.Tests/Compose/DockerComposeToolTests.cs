using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Compose;

/// <summary>The compose file as docker-compose itself reads it (offline: no engine is needed to validate).</summary>
public sealed class DockerComposeToolTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file_with_its_build_contexts()
    {
        var run = await ToolRun.RunAsync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"]);

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public async Task The_tests_read_anchors_and_merges_as_docker_compose_resolves_them()
    {
        var run = await ToolRun.RunAsync("docker-compose", ["-f", "docker-compose.yml", "config"]);
        Assert.True(run.ExitCode == 0, run.Output);
        var resolvedFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(resolvedFile, run.Output, TestContext.Current.CancellationToken);
            var resolved = ComposeFile.Load(resolvedFile);
            var ours = ComposeFile.Instance;

            Assert.Equal(ours.Services.Keys.Order(StringComparer.Ordinal), resolved.Services.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, service) in ours.Services)
            {
                var theirs = resolved.Services[name];
                Assert.Equal(service.Image, theirs.Image);
                Assert.Equal(service.Command, theirs.Command);
                Assert.Equal(service.Environment.OrderBy(e => e.Key, StringComparer.Ordinal), theirs.Environment.OrderBy(e => e.Key, StringComparer.Ordinal));
                Assert.Equal(service.DependsOn.OrderBy(e => e.Key, StringComparer.Ordinal), theirs.DependsOn.OrderBy(e => e.Key, StringComparer.Ordinal));
                Assert.Equal(service.Volumes.Select(v => (v.Target, v.ReadOnly)), theirs.Volumes.Select(v => (v.Target, v.ReadOnly)));
            }
        }
        finally
        {
            File.Delete(resolvedFile);
        }
    }
}
