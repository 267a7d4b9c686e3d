using Bff.Edge.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Cors;

/// <summary>A route's <see cref="RouteCorsConfig"/> compiled at load: lookups without allocation, header values precomputed.</summary>
internal sealed class CorsPolicy
{
    private static readonly string[] DefaultMethods = ["GET", "HEAD", "POST"];

    private readonly string[]? _origins;
    private readonly string[]? _methods;
    private readonly string[]? _headers;

    private CorsPolicy(RouteCorsConfig config)
    {
        _origins = Explicit(config.AllowedOrigins);
        _methods = config.AllowedMethods is { Count: > 0 } ? Explicit(config.AllowedMethods) : DefaultMethods;
        _headers = config.AllowedHeaders is null ? [] : Explicit(config.AllowedHeaders);
        AllowMethods = _methods is null ? "*" : string.Join(", ", _methods);
        ExposeHeaders = config.ExposedHeaders is { Count: > 0 } exposed ? string.Join(", ", exposed) : null;
        AllowCredentials = config.AllowCredentials;
        MaxAge = config.MaxAge is { } maxAge ? ((long)maxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True for <c>AllowedOrigins: ["*"]</c>: answers say <c>*</c> and do not vary by origin.</summary>
    public bool AnyOrigin => _origins is null;

    /// <summary><c>Access-Control-Allow-Methods</c> of a preflight answer.</summary>
    public string AllowMethods { get; }

    /// <summary><c>Access-Control-Expose-Headers</c>, or null.</summary>
    public string? ExposeHeaders { get; }

    public bool AllowCredentials { get; }

    /// <summary><c>Access-Control-Max-Age</c> in seconds, or null.</summary>
    public string? MaxAge { get; }

    public static CorsPolicy Create(RouteCorsConfig config) => new(config);

    /// <summary>An OPTIONS request with <c>Origin</c> and <c>Access-Control-Request-Method</c> (Fetch §4.8): gives the method it asks about.</summary>
    public static bool TryGetPreflightMethod(HttpRequest request, out string method)
    {
        method = string.Empty;
        if (!HttpMethods.IsOptions(request.Method) || !request.Headers.ContainsKey(HeaderNames.Origin)
            || !request.Headers.TryGetValue(HeaderNames.AccessControlRequestMethod, out var requested) || requested.Count != 1)
        {
            return false;
        }

        method = requested.ToString();
        return method.Length > 0;
    }

    /// <summary>Origins compare case-insensitively: browsers serialize scheme and host in lower case, configs may not.</summary>
    public bool IsOriginAllowed(string origin) => _origins is null || Contains(_origins, origin, StringComparison.OrdinalIgnoreCase);

    /// <summary>Methods are case-sensitive (RFC 9110 §9.1).</summary>
    public bool IsMethodAllowed(string method) => _methods is null || Contains(_methods, method, StringComparison.Ordinal);

    /// <summary>The first name of an <c>Access-Control-Request-Headers</c> list that is not allowed, or null when all are.</summary>
    public string? FindDisallowedHeader(StringValues requested)
    {
        if (_headers is null)
        {
            return null;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var value = requested[i].AsSpan();
            while (!value.IsEmpty)
            {
                var comma = value.IndexOf(',');
                var name = (comma < 0 ? value : value[..comma]).Trim(" \t");
                if (!name.IsEmpty && !Contains(_headers, name))
                {
                    return name.ToString();
                }

                value = comma < 0 ? default : value[(comma + 1)..];
            }
        }

        return null;
    }

    private static string[]? Explicit(IReadOnlyList<string>? values) =>
        values is null ? [] : values.Contains("*") ? null : [.. values];

    private static bool Contains(string[] values, string value, StringComparison comparison)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] values, ReadOnlySpan<char> value)
    {
        foreach (var candidate in values)
        {
            if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
