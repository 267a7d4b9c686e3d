using System.Text;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;

namespace Partner.Bff.Tests.Support;

/// <summary>Requests as the edge forwards them, and what the tests read from the answers.</summary>
public static class PartnerRequests
{
    public static HttpRequestMessage Get(string path, string? assertion) => Request(HttpMethod.Get, path, assertion);

    public static HttpRequestMessage Post(string path, string? assertion, string json, string? idempotencyKey, string contentType = "application/json")
    {
        var request = Request(HttpMethod.Post, path, assertion);
        request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static async Task<HttpResponseMessage> CallAsync(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
            return response;
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 answer with this status and <c>code</c>, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? assertion)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (assertion is not null)
        {
            request.Headers.Add(EdgeIdentityToken.HeaderName, assertion);
        }

        return request;
    }
}
