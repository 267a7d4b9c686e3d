using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Cors;

/// <summary>A route's <c>Cors</c> block is checked at load; each mistake names its key.</summary>
public sealed class CorsConfigTests
{
    [Theory]
    [InlineData("""{ "AllowedOrigins": ["*"], "AllowCredentials": true }""", "Routes.r.Cors.AllowedOrigins[0]: '*' cannot be combined with AllowCredentials (browsers refuse the answer); list the origins")]
    [InlineData("""{ "AllowedOrigins": ["null"] }""", "Routes.r.Cors.AllowedOrigins[0]: 'null' is the origin of sandboxed frames, file: pages and redirects, which anyone can produce; it can never be allowed")]
    [InlineData("""{ "AllowedOrigins": [] }""", "Routes.r.Cors.AllowedOrigins: at least one origin is required")]
    [InlineData("""{ "AllowedOrigins": ["http://localhost:3000/"] }""", "Routes.r.Cors.AllowedOrigins[0]: 'http://localhost:3000/' must be written as browsers send it: scheme://host[:port], no path, no default port ('http://localhost:3000')")]
    [InlineData("""{ "AllowedOrigins": ["https://app.example:443"] }""", "Routes.r.Cors.AllowedOrigins[0]: 'https://app.example:443' must be written as browsers send it: scheme://host[:port], no path, no default port ('https://app.example')")]
    [InlineData("""{ "AllowedOrigins": ["localhost:3000"] }""", "Routes.r.Cors.AllowedOrigins[0]: 'localhost:3000' is not an http:// or https:// origin")]
    [InlineData("""{ "AllowedOrigins": ["*", "http://a.example"] }""", "Routes.r.Cors.AllowedOrigins[0]: '*' must be the only origin")]
    [InlineData("""{ "AllowedOrigins": ["http://a.example"], "AllowedMethods": ["post"] }""", "Routes.r.Cors.AllowedMethods[0]: 'post' is not an upper-case HTTP method")]
    [InlineData("""{ "AllowedOrigins": ["http://a.example"], "AllowedHeaders": ["X Bad"] }""", "Routes.r.Cors.AllowedHeaders[0]: 'X Bad' is not a header name")]
    [InlineData("""{ "AllowedOrigins": ["http://a.example"], "AllowedHeaders": ["*"], "AllowCredentials": true }""", "Routes.r.Cors.AllowedHeaders[0]: '*' cannot be combined with AllowCredentials; list the names")]
    [InlineData("""{ "AllowedOrigins": ["http://a.example"], "ExposedHeaders": ["X:Y"] }""", "Routes.r.Cors.ExposedHeaders[0]: 'X:Y' is not a header name")]
    [InlineData("""{ "AllowedOrigins": ["http://a.example"], "MaxAge": "2.00:00:00" }""", "Routes.r.Cors.MaxAge: must be between 00:00:00 and 24:00:00 (got 2.00:00:00)")]
    public void An_invalid_Cors_block_is_refused_with_its_key(string cors, string error)
    {
        var result = EdgeConfigLoader.Parse(Route(cors), "edge.json");

        Assert.Null(result.Config);
        Assert.Equal($"edge.json: {error}", Assert.Single(result.Errors));
    }

    [Fact]
    public void An_unknown_Cors_key_is_refused()
    {
        var result = EdgeConfigLoader.Parse(Route("""{ "AllowedOrigins": ["http://a.example"], "AllowOrigin": "x" }"""), "edge.json");

        Assert.Contains("$.Routes.r.Cors", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Cors_blocks_with_the_same_values_are_equal_so_a_reload_keeps_the_route()
    {
        const string cors = """{ "AllowedOrigins": ["http://a.example"], "AllowedHeaders": ["Authorization"], "MaxAge": "00:05:00" }""";
        var first = EdgeConfigLoader.Parse(Route(cors), "a").Config!;
        var second = EdgeConfigLoader.Parse(Route(cors), "b").Config!;
        var changed = EdgeConfigLoader.Parse(Route(cors.Replace("Authorization", "X-Other", StringComparison.Ordinal)), "c").Config!;

        Assert.Equal(first, second);
        Assert.NotEqual(first, changed);
    }

    private static string Route(string cors) => $$"""
        { "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/x" }, "Cors": {{cors}} } },
          "Clusters": { "c": { "Destinations": { "a": { "Address": "http://127.0.0.1:1" } } } } }
        """;
}
