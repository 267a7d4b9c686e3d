using Bff.Edge.Tests.Support;

namespace Bff.Edge.Tests.AccessLog;

public sealed class AccessLogTests
{
    [Fact]
    public async Task Each_request_writes_one_JSON_line_without_secrets()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/{**all}", upstream.Url));
        using var client = edge.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders?token=s3cr3t-query")
        {
            Content = new StringContent("12345"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer s3cr3t-token");
        request.Headers.TryAddWithoutValidation("Cookie", "session=s3cr3t-cookie");
        request.Headers.TryAddWithoutValidation("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var lines = await edge.ReadAccessLogAsync();

        var line = Assert.Single(lines);
        Assert.Equal("POST", line.GetProperty("method").GetString());
        Assert.Equal("/orders", line.GetProperty("path").GetString());
        Assert.Equal("r1", line.GetProperty("route").GetString());
        Assert.Equal(200, line.GetProperty("status").GetInt32());
        Assert.True(line.GetProperty("durationMs").GetDouble() > 0);
        Assert.Equal(upstream.Url, line.GetProperty("upstream").GetString());
        Assert.Equal(5, line.GetProperty("bytesIn").GetInt64());
        Assert.Equal("upstream:a".Length, line.GetProperty("bytesOut").GetInt64());
        Assert.Equal("127.0.0.1", line.GetProperty("client").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", line.GetProperty("traceId").GetString());
        var raw = await File.ReadAllTextAsync(edge.AccessLogPath, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("s3cr3t", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_is_logged_with_its_status_and_error()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var edge = await EdgeHost.StartAsync(EdgeHost.SingleRoute("/api/{**all}", upstream.Url));
        using var client = edge.CreateClient();

        using var response = await client.GetAsync("/nowhere", TestContext.Current.CancellationToken);
        var line = Assert.Single(await edge.ReadAccessLogAsync());

        Assert.Equal(404, line.GetProperty("status").GetInt32());
        Assert.Equal("NoRoute", line.GetProperty("error").GetString());
    }
}
