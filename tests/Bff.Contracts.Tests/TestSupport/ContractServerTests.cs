using Bff.TestSupport.Contracts;

namespace Bff.Contracts.Tests.TestSupport;

/// <summary>The in-process WireMock.Net holds clients to the exact request a contract records.</summary>
public sealed class ContractServerTests : IDisposable
{
    private const string Batch = """
        { "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/users" } ] },
                       "Params": [ { "Name": "ids", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "1,2" } ] },
                                   { "Name": "limit", "Matchers": [ { "Name": "ExactMatcher", "Pattern": "5" } ] } ] },
          "Response": { "StatusCode": 200, "Headers": { "Content-Type": "application/json" }, "BodyAsJson": { "items": [] } } }
        """;

    private readonly ContractServer _server = ContractServer.Start();
    private readonly HttpClient _client;

    public ContractServerTests()
    {
        _server.AddMapping(Batch);
        _client = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_sent_as_recorded_passes_and_is_counted()
    {
        using var response = await _client.GetAsync("users?ids=1,2&limit=5", Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _server.CountRequests("GET", "/users?ids=1,2&limit=5"));
        _server.AssertRequestsAsRecorded();
    }

    [Theory]
    [InlineData("users?ids=1%2C2&limit=5")]
    [InlineData("users?limit=5&ids=1,2")]
    [InlineData("users?ids=1,2&limit=5&extra=1")]
    public async Task Request_that_a_mapping_answers_but_not_as_recorded_fails(string url)
    {
        using var response = await _client.GetAsync(url, Token);

        Assert.Equal(0, _server.CountRequests("GET", "/users?ids=1,2&limit=5"));
        var failure = Assert.Throws<InvalidOperationException>(_server.AssertRequestsAsRecorded);
        Assert.Contains("records GET /users?ids=1,2&limit=5", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_no_mapping_answers_fails()
    {
        using var response = await _client.GetAsync("users/1", Token);

        var failure = Assert.Throws<InvalidOperationException>(_server.AssertRequestsAsRecorded);
        Assert.Contains("GET /users/1: no mapping matched", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_that_cannot_be_replayed_is_refused()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => _server.AddMapping("""
            { "Request": { "Methods": [ "GET" ], "Path": { "Matchers": [ { "Name": "WildcardMatcher", "Pattern": "/users/*" } ] } },
              "Response": { "StatusCode": 200 } }
            """));

        Assert.Contains("match 'Path' with one ExactMatcher", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }
}
