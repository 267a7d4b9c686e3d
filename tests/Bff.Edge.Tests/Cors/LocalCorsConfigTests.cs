using System.Runtime.CompilerServices;
using Bff.Edge.Configuration;
using Bff.Edge.Cors;

namespace Bff.Edge.Tests.Cors;

/// <summary>The suite's own config lets the web app (and nothing else) call /graphql from the browser.</summary>
public sealed class LocalCorsConfigTests
{
    private static readonly EdgeConfig Config = Load();

    [Fact]
    public void Graphql_allows_exactly_the_web_app_origin()
    {
        var cors = Config.Routes["graphql"].Cors!;
        var policy = CorsPolicy.Create(cors);

        Assert.Equal(["http://localhost:3000"], cors.AllowedOrigins!);
        Assert.True(policy.IsOriginAllowed("http://localhost:3000"));
        Assert.False(policy.IsOriginAllowed("http://localhost:3001"));
        Assert.False(policy.IsOriginAllowed("https://localhost:3000"));
        Assert.False(policy.IsOriginAllowed("null"));
        Assert.True(policy.IsMethodAllowed("POST"));
        Assert.Null(policy.FindDisallowedHeader(new Microsoft.Extensions.Primitives.StringValues("authorization, content-type")));
    }

    [Fact]
    public void No_other_route_allows_cross_origin_calls()
    {
        Assert.Equal(["graphql"], Config.Routes.Where(r => r.Value.Cors is not null).Select(r => r.Key));
    }

    private static EdgeConfig Load()
    {
        var result = EdgeConfigLoader.LoadFile(Path.Combine(RepoRoot(), "config", "edge.local.json"));
        Assert.True(result.Config is not null, string.Join('\n', result.Errors));
        return result.Config!;
    }

    // The build output may live outside the repository (BFF_ARTIFACTS); this file's own path does not.
    private static string RepoRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
