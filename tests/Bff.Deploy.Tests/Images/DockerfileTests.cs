using Bff.Deploy.Tests.Support;

namespace Bff.Deploy.Tests.Images;

/// <summary>Each deployable's Dockerfile: multi-stage, publishes its own project, small non-root runtime with a health check.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Deployables => [.. DeployableProject.All.Select(p => p.Name)];

    [Fact]
    public void The_deployables_are_the_edge_the_three_bffs_and_the_stubs()
    {
        Assert.Equal(["Bff.Edge", "Bff.Stubs", "Mobile.Bff", "Partner.Bff", "Web.Bff"], DeployableProject.All.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Build_stage_restores_with_the_repository_build_settings_and_publishes_the_project(string name)
    {
        var project = DeployableProject.Named(name);
        var dockerfile = Dockerfile.Load(project.DockerfilePath);
        var build = dockerfile.Stages[0];

        Assert.True(dockerfile.Stages.Count >= 2, $"{dockerfile.Path} is not multi-stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.BaseImage, StringComparison.Ordinal);
        Assert.Subset(build.ContextCopySources.ToHashSet(), new HashSet<string> { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" });
        Assert.Contains(build.All("RUN"), r => r.Arguments.StartsWith($"dotnet publish {project.ProjectFile} -c Release", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Build_stage_copies_every_project_the_deployable_references(string name)
    {
        var project = DeployableProject.Named(name);
        var copied = Dockerfile.Load(project.DockerfilePath).Stages[0].ContextCopySources.ToHashSet(StringComparer.Ordinal);

        foreach (var folder in project.ProjectClosure())
        {
            var csproj = $"{folder}/{Path.GetFileName(folder)}.csproj";
            Assert.True(copied.Contains(csproj), $"{project.DockerfilePath} does not copy {csproj} before restoring");
            Assert.True(copied.Contains(folder + "/"), $"{project.DockerfilePath} does not copy the sources of {folder}");
        }
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Build_stage_copies_every_file_the_projects_take_from_outside_their_own_folder(string name)
    {
        var project = DeployableProject.Named(name);
        var copiedFolders = Dockerfile.Load(project.DockerfilePath).Stages[0].ContextCopySources.Where(s => s.EndsWith('/')).ToArray();

        foreach (var path in project.ProjectClosure().SelectMany(DeployableProject.OutsideFiles))
        {
            Assert.True(
                copiedFolders.Any(folder => (path + "/").StartsWith(folder, StringComparison.Ordinal)),
                $"{project.DockerfilePath} does not copy {path}, which a project of {name} includes");
        }
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Runtime_stage_is_the_aspnet_image_running_the_app_as_non_root_with_a_healthcheck(string name)
    {
        var project = DeployableProject.Named(name);
        var runtime = Dockerfile.Load(project.DockerfilePath).Runtime;

        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/(aspnet|runtime-deps):10\.0", runtime.BaseImage);
        var user = Assert.Single(runtime.All("USER")).Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Contains(user, new[] { "$APP_UID", "${APP_UID}", "app", "1654" });
        var healthcheck = Assert.Single(runtime.All("HEALTHCHECK")).Arguments;
        Assert.Contains("CMD [\"healthcheck\"]", healthcheck, StringComparison.Ordinal);
        Assert.Contains(runtime.All("COPY"), c => c.Arguments == $"{RepoFiles.HealthcheckScript} /usr/local/bin/healthcheck");
        Assert.Equal($"[\"dotnet\", \"{project.Name}.dll\"]", Assert.Single(runtime.All("ENTRYPOINT")).Arguments);
        Assert.Empty(runtime.All("RUN"));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Runtime_stage_is_configured_by_environment_and_clears_the_base_image_port(string name)
    {
        var runtime = Dockerfile.Load(DeployableProject.Named(name).DockerfilePath).Runtime;
        var env = string.Join(' ', runtime.All("ENV").Select(e => e.Arguments));

        // The aspnet image sets ASPNETCORE_HTTP_PORTS=8080; left in place it would bind a second, unplanned port.
        Assert.Contains("ASPNETCORE_HTTP_PORTS=", env, StringComparison.Ordinal);
        Assert.Matches(name == "Bff.Edge" ? "EDGE_CONFIG=/" : @"URLS=http://\+:\d+", env);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Everything_the_dockerfile_copies_exists_and_is_not_excluded_from_the_build_context(string name)
    {
        var dockerfile = Dockerfile.Load(DeployableProject.Named(name).DockerfilePath);
        var ignored = File.ReadAllLines(RepoFiles.Full(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

        foreach (var source in dockerfile.Stages.SelectMany(s => s.ContextCopySources))
        {
            var full = RepoFiles.Full(source);
            Assert.True(File.Exists(full) || Directory.Exists(full), $"{dockerfile.Path} copies {source}, which does not exist");
            Assert.DoesNotContain(ignored, pattern => !pattern.StartsWith("**/", StringComparison.Ordinal) && source.StartsWith(pattern.TrimEnd('/'), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Dockerignore_keeps_build_outputs_local_state_and_node_modules_out_of_the_context()
    {
        var ignored = File.ReadAllLines(RepoFiles.Full(".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(ignored, new HashSet<string>(StringComparer.Ordinal) { "artifacts/", ".dev/", "**/node_modules/", "**/bin/", "**/obj/" });
    }
}
