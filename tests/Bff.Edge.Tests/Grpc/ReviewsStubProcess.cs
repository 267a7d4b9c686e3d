using System.Text.Json;
using Bff.TestSupport.Net;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Edge.Tests.Grpc;

/// <summary>The real reviews stub as a process: HTTP on one free port, its HTTP/2-only gRPC listener on another.</summary>
public sealed class ReviewsStubProcess : IAsyncLifetime
{
    /// <summary>How the stub counts its gRPC method in <c>GET /_stub/stats</c>.</summary>
    public const string GrpcStatsRoute = "POST /bff.reviews.v1.RatingSummaries/GetRatingSummaries";

    private ServiceProcess? _process;

    public HttpClient Http { get; private set; } = null!;

    public string GrpcUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var grpcPort = FreePort.Next();
        GrpcUrl = $"http://127.0.0.1:{grpcPort}";
        _process = await ServiceProcess.StartDotnetAsync(
            RepoPaths.SiblingDll("Bff.Stubs"),
            ["--service", "reviews", "--Stub:Grpc:Url", GrpcUrl],
            new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) },
            TestContext.Current.CancellationToken);
        Http = new HttpClient { BaseAddress = _process.BaseAddress };
    }

    /// <summary>Calls of the gRPC method the stub has served so far.</summary>
    public async Task<long> GrpcCallsAsync()
    {
        using var stats = JsonDocument.Parse(await Http.GetStringAsync("/_stub/stats", TestContext.Current.CancellationToken));
        return stats.RootElement.GetProperty("routes").TryGetProperty(GrpcStatsRoute, out var count) ? count.GetInt64() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
