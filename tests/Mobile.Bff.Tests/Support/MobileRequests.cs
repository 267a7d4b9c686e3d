using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;

namespace Mobile.Bff.Tests.Support;

/// <summary>Requests as the edge forwards them, and what the tests read from the answers.</summary>
public static class MobileRequests
{
    public static HttpRequestMessage Get(string path, string? assertion)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (assertion is not null)
        {
            request.Headers.Add(EdgeIdentityToken.HeaderName, assertion);
        }

        return request;
    }

    public static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedSendAsync(HttpClient client, HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return (response, clock.Elapsed);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 answer with this status and <c>code</c>, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string? code = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        return problem;
    }

    public static string State(JsonElement body, string section) => body.GetProperty("sections").GetProperty(section).GetString()!;

    public static IReadOnlyList<string> Degraded(JsonElement body) =>
        [.. body.GetProperty("degraded").EnumerateArray().Select(e => e.GetString()!)];

    public static MediaTypeWithQualityHeaderValue Json { get; } = new("application/json");
}
