using System.Text.Json;
using Bff.TestSupport.Paths;

namespace Bff.Contracts.Tests.Provider;

/// <summary>One WireMock mapping file read back as the interaction it describes.</summary>
internal sealed record ContractFile(
    string Service,
    string Name,
    HttpMethod Method,
    string Url,
    JsonElement? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement? ResponseBody)
{
    private static readonly string[] KnownServices = ["users", "orders", "products", "reviews"];

    public static ContractFile Load(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Contracts, relativePath);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var request = root.GetProperty("request");
        var response = root.GetProperty("response");
        var url = request.TryGetProperty("url", out var u)
            ? u.GetString()!
            : throw new InvalidOperationException($"{relativePath}: contracts must match an exact 'url' so they can be replayed.");
        JsonElement? requestBody = request.TryGetProperty("bodyPatterns", out var patterns)
            ? patterns[0].GetProperty("equalToJson").Clone()
            : null;
        var headers = response.TryGetProperty("headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        JsonElement? responseBody = response.TryGetProperty("jsonBody", out var body) ? body.Clone() : null;
        return new ContractFile(
            ServiceOf(url, relativePath),
            Path.GetFileNameWithoutExtension(relativePath),
            new HttpMethod(request.GetProperty("method").GetString()!),
            url,
            requestBody,
            response.GetProperty("status").GetInt32(),
            headers,
            responseBody);
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
