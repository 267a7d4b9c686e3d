using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bff.ServiceDefaults.Identity;

namespace Web.Bff.Tests.Support;

/// <summary>GraphQL requests as the edge forwards them, and what the tests read from the answers.</summary>
public static class GraphQLCalls
{
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>A POST of <c>{ query, variables, extensions }</c> with the assertion (when given).</summary>
    public static HttpRequestMessage Post(string? assertion, string? query, object? variables = null, object? extensions = null, string accept = GraphQLResponse)
    {
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        if (extensions is not null)
        {
            body["extensions"] = extensions;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (assertion is not null)
        {
            request.Headers.Add(EdgeIdentityToken.HeaderName, assertion);
        }

        return request;
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            using var document = JsonDocument.Parse(text);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }
    }

    public static IReadOnlyList<JsonElement> ErrorsOf(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    public static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var code) ? code.GetString() : null;

    public static string PathOf(JsonElement error) =>
        error.TryGetProperty("path", out var path) ? string.Join('.', path.EnumerateArray().Select(p => p.ToString())) : string.Empty;

    /// <summary>The only error of the answer, asserted to carry <paramref name="code"/>.</summary>
    public static JsonElement SingleError(JsonElement body, string code)
    {
        var errors = ErrorsOf(body);
        Assert.True(errors.Count == 1, $"Expected one error, got: {body}");
        Assert.Equal(code, Code(errors[0]));
        return errors[0];
    }
}
