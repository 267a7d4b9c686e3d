using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bff.Benchmarks.RateLimiting;
using Bff.Clients.Products;
using Bff.Clients.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Benchmarks.Clients;

/// <summary>
/// What one domain call costs the BFF on its own side: the typed client, the resilience pipeline (timeouts, retry,
/// breakers) and the JSON, over a primary handler that answers from memory, so no socket is in the figure.
/// Run: dotnet run -c Release --project tests/Bff.Benchmarks -- --filter '*DomainClient*'.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessJobs.Short))]
public class DomainClientBenchmarks
{
    private const string UserJson = """{"id":1,"username":"demo","displayName":"Demo User","email":"demo@example.com","createdAt":"2024-01-01T00:00:00Z"}""";
    private const string BatchJson = """{"items":[{"id":1,"name":"Lamp","description":"A lamp","category":"home","price":19.99,"currency":"EUR","stock":3},{"id":2,"name":"Desk","description":"A desk","category":"home","price":199.0,"currency":"EUR","stock":1}],"missing":[3]}""";
    private static readonly int[] Ids = [1, 2, 3];
    private ServiceProvider _provider = null!;
    private IUsersClient _users = null!;
    private IProductsClient _products = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        var clients = services.AddDomainClients(configuration);
        clients.Users.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(UserJson));
        clients.Products.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(BatchJson));
        _provider = services.BuildServiceProvider();
        _users = _provider.GetRequiredService<IUsersClient>();
        _products = _provider.GetRequiredService<IProductsClient>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public async Task<bool> GetUser() => (await _users.GetUserAsync(1)).IsSuccess;

    [Benchmark]
    public async Task<bool> GetProductsBatch() => (await _products.GetProductsAsync(Ids)).IsSuccess;

    private sealed class CannedHandler(string json) : HttpMessageHandler
    {
        private readonly byte[] _body = Encoding.UTF8.GetBytes(json);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
