using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bff.Edge.Configuration;
using Bff.Edge.Cors;
using Bff.Edge.Tests.Support;

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

    [Fact]
    public async Task The_local_edge_answers_the_web_apps_graphql_preflight_and_refuses_other_origins()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("edge-local-cors-").FullName;
        try
        {
            // The local file's /graphql route and policies as they are, minus what only ./run.sh provides: its ports,
            // the identity key and the identity stub (and the other routes, whose files live next to the original).
            var config = JsonNode.Parse(await File.ReadAllTextAsync(LocalConfigPath, ct))!.AsObject();
            config.Remove("Server");
            var graphql = config["Routes"]!["graphql"]!.DeepClone();
            config["Routes"] = new JsonObject { ["graphql"] = graphql };
            config["Clusters"] = new JsonObject { ["web-bff"] = config["Clusters"]!["web-bff"]!.DeepClone() };
            var keyPath = Path.Combine(directory, "identity.pem");
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), ct);
            }

            config["Identity"]!["SigningKeyPath"] = keyPath;
            config["Authentication"]!["Jwt"]!["Authority"] = $"http://127.0.0.1:{Ports.Closed()}/";
            await using var edge = await EdgeHost.StartAsync(config);
            using var client = edge.CreateClient();

            using var allowed = await client.SendAsync(Preflight("http://localhost:3000"), ct);
            using var refused = await client.SendAsync(Preflight("https://evil.example"), ct);

            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal("http://localhost:3000", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("authorization, content-type", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }

    private static string LocalConfigPath => Path.Combine(RepoRoot(), "config", "edge.local.json");

    private static EdgeConfig Load()
    {
        var result = EdgeConfigLoader.LoadFile(LocalConfigPath);
        Assert.True(result.Config is not null, string.Join('\n', result.Errors));
        return result.Config!;
    }

    // The build output may live outside the repository (BFF_ARTIFACTS); this file's own path does not.
    private static string RepoRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
