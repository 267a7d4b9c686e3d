using System.Net;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>The BFF started with ASPNETCORE_ENVIRONMENT=Production: introspection off, queries still answered.</summary>
public sealed class ProductionTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    protected override string Environment() => "Production";

    [Fact]
    public async Task Introspection_is_off_in_Production()
    {
        var (status, body) = await QueryAsync("{ __schema { types { name } } }");

        Assert.Equal(400, status);
        Assert.Equal("Introspection is disabled on this server.", SingleError(body, "INTROSPECTION_DISABLED").GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_IDE_page_is_a_404_in_Production()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var page = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        using var asset = await Client.GetAsync(new Uri("/graphql/ide/graphiql.min.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"ide_not_available\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public void The_IDE_cannot_be_switched_on_in_Production()
    {
        var services = new Dictionary<string, Uri> { ["users"] = new("http://127.0.0.1:9/"), ["orders"] = new("http://127.0.0.1:9/"), ["products"] = new("http://127.0.0.1:9/"), ["reviews"] = new("http://127.0.0.1:9/") };

        var error = Assert.ThrowsAny<Exception>(() => WebBffHost.Start(Keys, services, new Dictionary<string, string?> { ["GraphiQL:Enabled"] = "true" }, "Production").Dispose());

        Assert.Contains("GraphiQL:Enabled may be true only in Development.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_still_answer_in_Production()
    {
        var (_, body) = await QueryAsync("{ viewer { id } }");

        Assert.Equal("1", body.GetProperty("data").GetProperty("viewer").GetProperty("id").GetString());
    }
}
