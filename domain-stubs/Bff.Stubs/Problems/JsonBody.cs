using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bff.Stubs.Problems;

/// <summary>
/// Reads a JSON request body by hand, so a wrong content type is a 415 and malformed JSON a 400
/// <c>invalid_body</c> naming the offending path (the minimal-API binder answers both without a code).
/// </summary>
internal static class JsonBody
{
    public static async Task<Parsed<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Parsed<T>.Fail(StubProblems.UnsupportedMediaType("application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted);
            return value is null
                ? Parsed<T>.Fail(StubProblems.InvalidBody("$", "The body must be a JSON object."))
                : Parsed<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            return Parsed<T>.Fail(StubProblems.InvalidBody(FieldOf(ex.Path), "Malformed JSON or a value of the wrong type."));
        }
    }

    /// <summary>"$.items[0].quantity" becomes "items[0].quantity", the same key the validators use; the root stays "$".</summary>
    private static string FieldOf(string? path) =>
        path is null || !path.StartsWith("$.", StringComparison.Ordinal) ? "$" : path[2..];
}
