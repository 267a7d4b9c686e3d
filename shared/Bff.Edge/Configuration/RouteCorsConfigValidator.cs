using Bff.Edge.Headers;

namespace Bff.Edge.Configuration;

/// <summary>Checks a route's <c>Cors</c>: origins as browsers serialize them, and no wildcard together with credentials.</summary>
internal static class RouteCorsConfigValidator
{
    /// <summary>Browsers cap preflight caching at 24 h (Firefox) or less; a longer value only misleads.</summary>
    public static readonly TimeSpan MaxMaxAge = TimeSpan.FromHours(24);

    public static void Validate(string key, RouteCorsConfig cors, List<string> errors)
    {
        key += ".Cors";
        if (cors.AllowedOrigins is not { Count: > 0 } origins)
        {
            errors.Add($"{key}.AllowedOrigins: at least one origin is required");
        }
        else
        {
            for (var i = 0; i < origins.Count; i++)
            {
                if (CheckOrigin(origins[i], origins.Count, cors.AllowCredentials) is { } problem)
                {
                    errors.Add($"{key}.AllowedOrigins[{i}]: {problem}");
                }
            }
        }

        CheckList(cors.AllowedMethods, $"{key}.AllowedMethods", cors.AllowCredentials, static m => m.All(char.IsAsciiLetterUpper), "an upper-case HTTP method", errors);
        CheckList(cors.AllowedHeaders, $"{key}.AllowedHeaders", cors.AllowCredentials, HttpToken.IsToken, "a header name", errors);
        CheckList(cors.ExposedHeaders, $"{key}.ExposedHeaders", cors.AllowCredentials, HttpToken.IsToken, "a header name", errors);

        if (cors.MaxAge is { } maxAge && (maxAge < TimeSpan.Zero || maxAge > MaxMaxAge))
        {
            errors.Add($"{key}.MaxAge: must be between 00:00:00 and 24:00:00 (got {maxAge})");
        }
    }

    private static string? CheckOrigin(string? origin, int count, bool credentials)
    {
        if (origin == "*")
        {
            return credentials
                ? "'*' cannot be combined with AllowCredentials (browsers refuse the answer); list the origins"
                : count > 1 ? "'*' must be the only origin" : null;
        }

        if (string.Equals(origin, "null", StringComparison.OrdinalIgnoreCase))
        {
            return "'null' is the origin of sandboxed frames, file: pages and redirects, which anyone can produce; it can never be allowed";
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"'{origin}' is not an http:// or https:// origin";
        }

        var serialized = uri.GetLeftPart(UriPartial.Authority);
        return string.Equals(serialized, origin, StringComparison.OrdinalIgnoreCase) && uri.UserInfo.Length == 0
            ? null
            : $"'{origin}' must be written as browsers send it: scheme://host[:port], no path, no default port ('{serialized}')";
    }

    private static void CheckList(IReadOnlyList<string>? values, string key, bool credentials, Func<string, bool> isValid, string what, List<string> errors)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var value = values![i];
            if (value == "*")
            {
                if (credentials)
                {
                    // With credentials the Fetch standard reads '*' literally, so it would allow nothing.
                    errors.Add($"{key}[{i}]: '*' cannot be combined with AllowCredentials; list the names");
                }
            }
            else if (string.IsNullOrEmpty(value) || !isValid(value))
            {
                errors.Add($"{key}[{i}]: '{value}' is not {what}");
            }
        }
    }
}
