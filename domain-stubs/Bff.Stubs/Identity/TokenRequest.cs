using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Bff.Stubs.Identity;

/// <summary>
/// The parameters of a token request (RFC 6749 section 4), read from a form-encoded body; the client may
/// authenticate in the body or with HTTP Basic (section 2.3.1).
/// </summary>
internal sealed record TokenRequest(IReadOnlyDictionary<string, string> Parameters, string? ClientId, string? ClientSecret, bool UsedBasic)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the request, or says why it is not a valid one (an <c>invalid_request</c> description).</summary>
    public static async Task<(TokenRequest? Request, string? Error)> ReadAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The body must be application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return (null, "The form body is malformed.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            // Section 3.2: parameters must not be included more than once.
            if (values.Count > 1)
            {
                return (null, $"Parameter '{name}' is repeated.");
            }

            if (!StringValues.IsNullOrEmpty(values))
            {
                parameters[name] = values.ToString();
            }
        }

        var (basicId, basicSecret) = ReadBasic(request);
        if (basicId is not null && parameters.ContainsKey("client_secret"))
        {
            return (null, "Use one client authentication method, not both.");
        }

        return basicId is not null
            ? (new TokenRequest(parameters, basicId, basicSecret, UsedBasic: true), null)
            : (new TokenRequest(parameters, parameters.GetValueOrDefault("client_id"), parameters.GetValueOrDefault("client_secret"), UsedBasic: false), null);
    }

    private static (string? Id, string? Secret) ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (null, null)
                : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
