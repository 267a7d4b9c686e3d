using System.Text.Json;

namespace Bff.TestSupport.Contracts;

/// <summary>
/// One interaction read back from a WireMock.Net mapping (its own JSON format,
/// <c>{ "Title", "Request": { "Methods", "Path", "Params", "Body" }, "Response": { "StatusCode", "Headers", "BodyAsJson" } }</c>):
/// the exact request a client must send and the answer it gets. Only exact matchers are accepted, so the request can
/// be rebuilt byte for byte and replayed against the real service.
/// </summary>
/// <param name="Title">The mapping's <c>Title</c>.</param>
/// <param name="Method">The one HTTP method of <c>Methods</c>.</param>
/// <param name="Url">Path and query as the client writes them: <c>Path</c>, then every <c>Params</c> entry in file order.</param>
/// <param name="RequestBody">The <c>JsonMatcher</c> pattern of <c>Body</c>, when the request has one.</param>
/// <param name="Status">The answer's status code.</param>
/// <param name="Headers">The answer's headers (case-insensitive names).</param>
/// <param name="ResponseBody">The answer's <c>BodyAsJson</c>, when it has one.</param>
public sealed record ContractMapping(
    string Title,
    HttpMethod Method,
    string Url,
    JsonElement? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement? ResponseBody)
{
    /// <summary>Reads a mapping; <paramref name="source"/> names it in the error when it is not replayable.</summary>
    public static ContractMapping Parse(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var request = root.GetProperty("Request");
        var response = root.GetProperty("Response");
        var methods = request.GetProperty("Methods");
        if (methods.GetArrayLength() != 1)
        {
            throw Unreplayable(source, "name exactly one method in 'Methods'");
        }

        var url = ExactPattern(request.GetProperty("Path"), source, "Path");
        if (request.TryGetProperty("Params", out var parameters))
        {
            url += "?" + string.Join('&', parameters.EnumerateArray().Select(p => $"{p.GetProperty("Name").GetString()}={ExactPattern(p, source, "Params")}"));
        }

        JsonElement? requestBody = request.TryGetProperty("Body", out var body)
            ? JsonMatcherPattern(body, source)
            : null;
        var headers = response.TryGetProperty("Headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new ContractMapping(
            root.TryGetProperty("Title", out var title) ? title.GetString() ?? source : source,
            new HttpMethod(methods[0].GetString()!),
            url,
            requestBody,
            response.TryGetProperty("StatusCode", out var status) ? status.GetInt32() : 200,
            headers,
            response.TryGetProperty("BodyAsJson", out var answer) ? answer.Clone() : null);
    }

    // A matcher list with one ExactMatcher: { "Matchers": [ { "Name": "ExactMatcher", "Pattern": "/users" } ] }.
    private static string ExactPattern(JsonElement element, string source, string where) =>
        element.TryGetProperty("Matchers", out var matchers)
        && matchers.GetArrayLength() == 1
        && matchers[0].GetProperty("Name").GetString() == "ExactMatcher"
        && matchers[0].GetProperty("Pattern").GetString() is { } pattern
            ? pattern
            : throw Unreplayable(source, $"match '{where}' with one ExactMatcher");

    private static JsonElement JsonMatcherPattern(JsonElement body, string source) =>
        body.TryGetProperty("Matcher", out var matcher) && matcher.GetProperty("Name").GetString() == "JsonMatcher"
            ? matcher.GetProperty("Pattern").Clone()
            : throw Unreplayable(source, "match a request 'Body' with a JsonMatcher");

    private static InvalidOperationException Unreplayable(string source, string rule) =>
        new($"{source}: a contract must {rule} so that its request can be rebuilt and replayed.");
}
