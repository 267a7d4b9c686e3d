using System.Diagnostics;
using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Transforms;

/// <summary>Transforms are checked at load: bad names and values, unknown route values, and headers the edge owns.</summary>
public sealed class TransformsConfigTests
{
    [Theory]
    [InlineData("""{ "RequestHeaders": { "Set": { "X-Forwarded-For": "1.2.3.4" } } }""", "Routes.r.Transforms.RequestHeaders.Set.X-Forwarded-For: 'X-Forwarded-For' is set by the edge itself; transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Remove": [ "traceparent" ] } }""", "Routes.r.Transforms.RequestHeaders.Remove[0]: 'traceparent' is set by the edge itself; transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Set": { "X-Edge-Identity": "forged" } } }""", "Routes.r.Transforms.RequestHeaders.Set.X-Edge-Identity: 'X-Edge-Identity' carries identity, which only the edge's authentication may set (Identity.StripHeaders); transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Rename": { "X-Token": "X-User-Id" } } }""", "Routes.r.Transforms.RequestHeaders.Rename.X-Token: 'X-User-Id' carries identity, which only the edge's authentication may set (Identity.StripHeaders); transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Remove": [ "Connection" ] } }""", "Routes.r.Transforms.RequestHeaders.Remove[0]: 'Connection' is hop-by-hop (RFC 9110 §7.6.1) and never forwarded; transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Set": { "Host": "a.example" } } }""", "Routes.r.Transforms.RequestHeaders.Set.Host: 'Host' is chosen by Transforms.HostHeader; transforms may not change it")]
    [InlineData("""{ "RequestHeaders": { "Add": { "Bad Name": "1" } } }""", "Routes.r.Transforms.RequestHeaders.Add.Bad Name: 'Bad Name' is not a header name")]
    [InlineData("""{ "RequestHeaders": { "Set": { "X-A": "a\r\nX-Injected: 1" } } }""", "Routes.r.Transforms.RequestHeaders.Set.X-A: the value may hold only visible ASCII, spaces and tabs")]
    [InlineData("""{ "RequestHeaders": { "Set": { "X-A": "{nope}" } } }""", "Routes.r.Transforms.RequestHeaders.Set.X-A: '{nope}' uses '{nope}', which the route's Match.Path does not define")]
    [InlineData("""{ "RequestHeaders": { "Set": { "X-A": "{id" } } }""", "Routes.r.Transforms.RequestHeaders.Set.X-A: '{id' has an unclosed '{'")]
    [InlineData("""{ "ResponseHeaders": { "Set": { "Content-Length": "5" } } }""", "Routes.r.Transforms.ResponseHeaders.Set.Content-Length: 'Content-Length' describes the body as sent; transforms may not change it")]
    [InlineData("""{ "ResponseHeaders": { "Remove": [ "Transfer-Encoding" ] } }""", "Routes.r.Transforms.ResponseHeaders.Remove[0]: 'Transfer-Encoding' is hop-by-hop (RFC 9110 §7.6.1) and never forwarded; transforms may not change it")]
    [InlineData("""{ "Query": { "Add": { "tenant": "{tenant}" } } }""", "Routes.r.Transforms.Query.Add.tenant: '{tenant}' uses '{tenant}', which the route's Match.Path does not define")]
    [InlineData("""{ "Query": { "Remove": [ "" ] } }""", "Routes.r.Transforms.Query.Remove[0]: a parameter name is required")]
    public void An_invalid_transform_is_refused_with_its_key(string transforms, string error)
    {
        var result = EdgeConfigLoader.Parse(Route(transforms), "edge.json");

        Assert.Null(result.Config);
        Assert.Equal($"edge.json: {error}", Assert.Single(result.Errors));
    }

    [Fact]
    public void CORS_response_headers_belong_to_Cors_on_a_route_that_has_it()
    {
        var result = EdgeConfigLoader.Parse(
            Route("""{ "ResponseHeaders": { "Set": { "Access-Control-Allow-Origin": "*" } } }""", """, "Cors": { "AllowedOrigins": [ "http://localhost:3000" ] }"""),
            "edge.json");

        Assert.Equal(
            "edge.json: Routes.r.Transforms.ResponseHeaders.Set.Access-Control-Allow-Origin: 'Access-Control-Allow-Origin' is owned by the route's Cors; transforms may not change it",
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Valid_transforms_load_and_equal_configs_compare_equal()
    {
        const string transforms = """{ "RequestHeaders": { "Set": { "X-Tenant": "{id}" }, "Remove": [ "X-Debug" ] }, "Query": { "Add": { "v": "2" } }, "ResponseHeaders": { "Rename": { "X-A": "X-B" } } }""";
        var first = EdgeConfigLoader.Parse(Route(transforms), "a");
        var second = EdgeConfigLoader.Parse(Route(transforms), "b");
        var changed = EdgeConfigLoader.Parse(Route(transforms.Replace("\"2\"", "\"3\"", StringComparison.Ordinal)), "c");

        Assert.Empty(first.Errors);
        Assert.Equal(first.Config, second.Config);
        Assert.NotEqual(first.Config, changed.Config);
    }

    [Fact]
    public async Task The_executable_exits_2_naming_the_key_of_a_bad_transform()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Directory.CreateTempSubdirectory("edge-transforms-").FullName, "edge.json");
        await File.WriteAllTextAsync(path, Route("""{ "RequestHeaders": { "Set": { "X-Forwarded-Host": "evil" } } }"""), ct);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Bff.Edge", configuration, "Bff.Edge.dll"));
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --config \"{path}\"") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment.Remove("EDGE_CONFIG");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        using var exit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        exit.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(exit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(
            $"{path}: Routes.r.Transforms.RequestHeaders.Set.X-Forwarded-Host: 'X-Forwarded-Host' is set by the edge itself; transforms may not change it",
            await stderr,
            StringComparison.Ordinal);
    }

    private static string Route(string transforms, string extra = "") => $$"""
        { "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/users/{id}/{**rest}" }, "Transforms": {{transforms}}{{extra}} } },
          "Clusters": { "c": { "Destinations": { "a": { "Address": "http://127.0.0.1:1" } } } } }
        """;
}
