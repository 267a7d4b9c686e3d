using System.Reflection;

namespace Bff.TestSupport.Paths;

/// <summary>Where the repository and the build outputs of sibling projects are, from a test's point of view.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "Bff.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>Bff.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The folder of the contract files, WireMock.Net mappings (<c>tests/contracts</c>).</summary>
    public static string Contracts => Path.Combine(Root, "tests", "contracts");

    /// <summary>
    /// The built dll of another project of the solution, next to this test's output
    /// (<c>bin/&lt;Project&gt;/&lt;configuration&gt;/&lt;Project&gt;.dll</c>); the project must be referenced so it is built.
    /// </summary>
    public static string SiblingDll(string projectName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectName);
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var configurationFolder = Path.GetFileName(baseDirectory);
        var dll = Path.GetFullPath(Path.Combine(baseDirectory, "..", "..", projectName, configurationFolder, projectName + ".dll"));
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{projectName}.dll is not built at {dll}; add a ProjectReference (ReferenceOutputAssembly=\"false\") to {projectName}.", dll);
    }

    // Walk up from the test output first (default artifacts folder inside the repo), then trust the path
    // recorded when this assembly was built (outputs moved elsewhere by BFF_ARTIFACTS).
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, SolutionFile))
            ? Path.GetFullPath(recorded)
            : throw new DirectoryNotFoundException($"No {SolutionFile} above {AppContext.BaseDirectory} nor at the recorded root '{recorded}'.");
    }
}
