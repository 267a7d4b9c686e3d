using System.Xml.Linq;

namespace Bff.Deploy.Tests.Support;

/// <summary>
/// A project that is shipped as its own image: the edge, each BFF, the domain stubs. Found on disk, so a new BFF
/// without a Dockerfile or compose service fails the tests.
/// </summary>
internal sealed record DeployableProject(string Name, string Folder)
{
    /// <summary>Path from the repository root of the <c>.csproj</c>.</summary>
    public string ProjectFile => $"{Folder}/{Name}.csproj";

    /// <summary>The Dockerfile expected beside the project.</summary>
    public string DockerfilePath => $"{Folder}/Dockerfile";

    public static IReadOnlyList<DeployableProject> All { get; } = Discover();

    public static DeployableProject Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The folders (from the repository root) of this project and every project it references, transitively.</summary>
    public IReadOnlyList<string> ProjectClosure()
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([ProjectFile]);
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(Path.GetDirectoryName(project)!.Replace('\\', '/')))
            {
                continue;
            }

            var document = XDocument.Load(RepoFiles.Full(project));
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(RepoFiles.Full(Path.GetDirectoryName(project)!), include));
                pending.Push(Path.GetRelativePath(RepoFiles.Root, full).Replace('\\', '/'));
            }
        }

        return seen.ToArray();
    }

    /// <summary>
    /// Paths (from the repository root; a wildcard cut at its folder) of the inputs of a project (item includes,
    /// proto roots, imports) that point outside its folder, such as <c>&lt;Protobuf Include="../../shared/.../x.proto"&gt;</c>, project references aside.
    /// </summary>
    public static IEnumerable<string> OutsideFiles(string projectFolder)
    {
        var file = RepoFiles.Full($"{projectFolder}/{Path.GetFileName(projectFolder)}.csproj");
        return XDocument.Load(file).Descendants()
            .Where(e => e.Name.LocalName != "ProjectReference")
            .SelectMany(e => e.Attributes().Where(a => a.Name.LocalName is "Include" or "ProtoRoot" or "Project"))
            .Select(a => a.Value.Replace('\\', '/'))
            .Where(v => v.StartsWith("../", StringComparison.Ordinal))
            .Select(v => v.Contains('*', StringComparison.Ordinal) ? v[..(v.LastIndexOf('/', v.IndexOf('*', StringComparison.Ordinal)) + 1)] : v)
            .Select(v => Path.GetRelativePath(RepoFiles.Root, Path.GetFullPath(Path.Combine(RepoFiles.Full(projectFolder), v))).Replace('\\', '/'))
            .ToArray();
    }

    private static DeployableProject[] Discover()
    {
        string[] patterns = ["shared/Bff.Edge", "bffs", "domain-stubs"];
        return patterns
            .Select(RepoFiles.Full)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => new DeployableProject(
                Path.GetFileNameWithoutExtension(file),
                Path.GetRelativePath(RepoFiles.Root, Path.GetDirectoryName(file)!).Replace('\\', '/')))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
