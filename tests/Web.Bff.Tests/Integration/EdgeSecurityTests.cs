using System.Text.Json;
using Web.Bff.Tests.Support;
using static Web.Bff.Tests.Support.GraphQLCalls;

namespace Web.Bff.Tests.Integration;

/// <summary>Identity comes from the edge assertion only: none is 401, another client is 403, both as problem+json.</summary>
public sealed class EdgeSecurityTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Missing_assertion_is_401_edge_identity_required()
    {
        using var response = await Client.SendAsync(Post(null, "{ viewer { id } }"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, 401, "edge_identity_required");
        Assert.Empty(await Stubs.AllRoutesAsync());
    }

    [Fact]
    public async Task Assertion_for_another_audience_is_401()
    {
        using var response = await Client.SendAsync(Post(Keys.Sign(audience: "mobile-bff"), "{ viewer { id } }"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, 401, "edge_identity_required");
    }

    [Theory]
    [InlineData("1", "mobile-app", "client_not_allowed")]
    [InlineData("partner-gold", "partner-gold", "client_not_allowed")]
    [InlineData("partner-gold", "web-app", "subject_not_a_user")]
    public async Task Identity_that_is_not_a_web_app_user_is_403(string subject, string client, string code)
    {
        using var response = await Client.SendAsync(Post(Keys.Sign(subject, client), "{ viewer { id } }"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, 403, code);
    }

    [Fact]
    public async Task Viewer_is_the_asserted_user_whatever_the_query_says()
    {
        var (_, body) = await QueryAsync("{ viewer { id profile { displayName } } }", subject: "2");

        Assert.Equal("Alice Martin", body.GetProperty("data").GetProperty("viewer").GetProperty("profile").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Health_needs_no_assertion()
    {
        using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
    }
}
