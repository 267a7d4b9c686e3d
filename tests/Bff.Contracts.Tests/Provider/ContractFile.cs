using Bff.TestSupport.Contracts;
using Bff.TestSupport.Paths;

namespace Bff.Contracts.Tests.Provider;

/// <summary>One contract file (a WireMock.Net mapping) read back as the interaction it describes, and the service it is of.</summary>
internal sealed record ContractFile(string Service, ContractMapping Mapping)
{
    private static readonly string[] KnownServices = ["users", "orders", "products", "reviews"];

    public static ContractFile Load(string relativePath)
    {
        var mapping = ContractMapping.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, relativePath)), relativePath);
        return new ContractFile(ServiceOf(mapping.Url, relativePath), mapping);
    }

    // The service is the first segment of the path (/users/1 -> users), so contract files kept in a consumer's
    // own folder (tests/contracts/mobile/...) are verified against the right stub too.
    private static string ServiceOf(string url, string relativePath)
    {
        var first = url.TrimStart('/').Split('/', '?')[0];
        return KnownServices.Contains(first, StringComparer.Ordinal)
            ? first
            : throw new InvalidOperationException($"{relativePath}: '{url}' is not a route of {string.Join(", ", KnownServices)}.");
    }

    /// <summary>Every contract file, as paths relative to <c>tests/contracts</c> (<c>users/get-user.json</c>).</summary>
    public static IEnumerable<string> All() =>
        Directory.GetFiles(RepoPaths.Contracts, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Contracts, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
