using System.Net;
using Bff.Contracts.Stubs;
using Mobile.Bff.Tests.Support;
using static Mobile.Bff.Tests.Support.MobileRequests;

namespace Mobile.Bff.Tests.Integration;

/// <summary>Who may call, and what bad input gets: always a problem document, never a 500.</summary>
public sealed class EdgeSecurityTests(StubsFixture stubs, EdgeKeys keys) : StubTestBase(stubs, keys)
{
    [Fact]
    public async Task Request_without_an_assertion_is_a_401()
    {
        using var response = await Client.SendAsync(Get("/mobile/home", assertion: null), Token);

        await AssertProblemAsync(response, 401, "edge_identity_required");
        Assert.Equal(0, (await Stubs.StatsAsync("users")).Total);
    }

    [Fact]
    public async Task Forged_assertion_is_a_401()
    {
        using var response = await Client.SendAsync(Get("/mobile/home", EdgeKeys.Forge()), Token);

        await AssertProblemAsync(response, 401, "edge_identity_required");
    }

    [Fact]
    public async Task Assertion_for_another_BFF_is_a_401()
    {
        using var response = await Client.SendAsync(Get("/mobile/home", Keys.Sign(audience: "web-bff")), Token);

        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Web_app_identity_is_a_403()
    {
        using var response = await GetAsync("/mobile/home", clientId: "web-app");

        await AssertProblemAsync(response, 403, "client_not_allowed");
        Assert.Equal(0, (await Stubs.StatsAsync("users")).Total);
    }

    [Fact]
    public async Task Partner_subject_that_is_not_a_user_id_is_a_403()
    {
        using var response = await GetAsync("/mobile/home", subject: "partner-gold");

        await AssertProblemAsync(response, 403, "not_a_user");
    }

    [Fact]
    public async Task Unknown_path_is_a_404_problem()
    {
        using var response = await GetAsync("/mobile/nowhere");

        await AssertProblemAsync(response, 404);
    }

    [Fact]
    public async Task Query_string_over_2_KiB_is_a_400_problem()
    {
        using var response = await GetAsync("/mobile/home?q=" + new string('a', 2100));

        await AssertProblemAsync(response, 400, "invalid_query");
    }

    [Fact]
    public async Task Too_many_query_parameters_are_a_400_problem()
    {
        var query = string.Join('&', Enumerable.Range(0, 17).Select(i => $"p{i}=1"));

        using var response = await GetAsync("/mobile/home?" + query);

        await AssertProblemAsync(response, 400, "invalid_query");
    }

    [Fact]
    public async Task Repeated_query_parameter_is_a_400_problem()
    {
        using var response = await GetAsync("/mobile/products/1?id=1&id=2");

        await AssertProblemAsync(response, 400, "invalid_query");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var request = Get("/mobile/home", Keys.Sign());
        request.Method = HttpMethod.Post;

        using var response = await Client.SendAsync(request, Token);

        await AssertProblemAsync(response, 405);
    }

    [Fact]
    public async Task Completeness_of_each_screen_is_exported_on_metrics()
    {
        await Stubs.SetFaultAsync("orders", new FaultSettings(ErrorRate: 1, ErrorStatus: 503));
        using (var degraded = await GetAsync("/mobile/home"))
        {
            Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        }

        var metrics = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.Contains("bff_mobile_screen_completeness_count{screen=\"home\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("bff_mobile_screen_completeness_sum{screen=\"home\"} 0.8", metrics, StringComparison.Ordinal);
        Assert.Contains("bff_mobile_sections_total{screen=\"home\",section=\"orders\",state=\"missing\"} 1", metrics, StringComparison.Ordinal);
    }
}
