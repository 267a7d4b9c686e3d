using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.GraphQL.Tests.Http;

/// <summary>A real Kestrel server on loopback serving the test schema at /graphql (and an allow-list variant at /trusted).</summary>
public sealed class GraphQLServerFixture : IAsyncLifetime
{
    public const string TrustedQuery = "{ product(id: \"p1\") { name } }";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddGraphQL();
        _app = builder.Build();
        _app.MapGraphQL("/graphql", TestSchema.Create());
        var trusted = new GraphQLOptions { AllowListOnly = true };
        trusted.TrustedDocuments.Add(TrustedQuery);
        _app.MapGraphQL("/trusted", TestSchema.Create(), trusted);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
