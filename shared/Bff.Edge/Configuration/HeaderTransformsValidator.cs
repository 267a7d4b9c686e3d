using Bff.Edge.Headers;
using Bff.Edge.Routing;
using Bff.Edge.Transforms;
using Bff.ServiceDefaults.Identity;
using Microsoft.Net.Http.Headers;

namespace Bff.Edge.Configuration;

/// <summary>
/// Checks every route's header and query transforms: valid names and values, route values the route's path
/// defines, and no header the edge itself owns (framing, forwarding, tracing, identity, and CORS on CORS routes).
/// Those are refused rather than ignored, so a config never looks like it does something it does not.
/// </summary>
internal static class HeaderTransformsValidator
{
    public static void Validate(EdgeConfig config, List<string> errors)
    {
        foreach (var (id, route) in config.Routes)
        {
            var transforms = route.Transforms;
            if ((transforms.RequestHeaders is null && transforms.ResponseHeaders is null && transforms.Query is null)
                || route.Match?.Path is not { } path || !PathTemplate.TryParse(path, out var template, out _))
            {
                continue; // nothing to check, or the path's own error is already reported
            }

            var key = $"Routes.{id}.Transforms";
            var identityHeaders = config.Identity.StripHeaders;
            CheckHeaders($"{key}.RequestHeaders", transforms.RequestHeaders, template!, name => RequestRefusal(name, identityHeaders), errors);
            CheckHeaders($"{key}.ResponseHeaders", transforms.ResponseHeaders, template!, name => ResponseRefusal(name, route.Cors is not null), errors);
            CheckQuery($"{key}.Query", transforms.Query, template!, errors);
        }
    }

    private static void CheckHeaders(string key, HeaderTransformsConfig? headers, PathTemplate template, Func<string, string?> refusal, List<string> errors)
    {
        if (headers is null)
        {
            return;
        }

        var removed = headers.Remove ?? [];
        for (var i = 0; i < removed.Count; i++)
        {
            CheckName($"{key}.Remove[{i}]", removed[i], refusal, errors);
        }

        foreach (var (from, to) in headers.Rename ?? new Dictionary<string, string>())
        {
            CheckName($"{key}.Rename.{from}", from, refusal, errors);
            CheckName($"{key}.Rename.{from}", to, refusal, errors);
        }

        foreach (var (section, values) in new[] { ("Set", headers.Set), ("Add", headers.Add) })
        {
            foreach (var (name, value) in values ?? new Dictionary<string, string>())
            {
                CheckName($"{key}.{section}.{name}", name, refusal, errors);
                CheckValue($"{key}.{section}.{name}", value, template, header: true, errors);
            }
        }
    }

    private static void CheckQuery(string key, QueryTransformsConfig? query, PathTemplate template, List<string> errors)
    {
        if (query is null)
        {
            return;
        }

        var removed = query.Remove ?? [];
        for (var i = 0; i < removed.Count; i++)
        {
            if (string.IsNullOrEmpty(removed[i]))
            {
                errors.Add($"{key}.Remove[{i}]: a parameter name is required");
            }
        }

        foreach (var (section, values) in new[] { ("Set", query.Set), ("Add", query.Add) })
        {
            foreach (var (name, value) in values ?? new Dictionary<string, string>())
            {
                if (name.Length == 0)
                {
                    errors.Add($"{key}.{section}: a parameter name is required");
                }

                CheckValue($"{key}.{section}.{name}", value, template, header: false, errors);
            }
        }
    }

    private static void CheckName(string key, string? name, Func<string, string?> refusal, List<string> errors)
    {
        if (!HttpToken.IsToken(name))
        {
            errors.Add($"{key}: '{name}' is not a header name");
        }
        else if (refusal(name!) is { } reason)
        {
            errors.Add($"{key}: '{name}' {reason}; transforms may not change it");
        }
    }

    private static void CheckValue(string key, string? value, PathTemplate template, bool header, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{key}: a value is required");
        }
        else if (!ValueTemplate.TryParse(value, template.ParameterNames, out _, out var error))
        {
            errors.Add($"{key}: {error}");
        }
        else if (header && !HttpToken.IsFieldValue(value))
        {
            errors.Add($"{key}: the value may hold only visible ASCII, spaces and tabs");
        }
    }

    private static string? RequestRefusal(string name, IReadOnlyList<string> identityHeaders)
    {
        if (HopByHopHeaders.IsHopByHop(name))
        {
            return "is hop-by-hop (RFC 9110 §7.6.1) and never forwarded";
        }

        if (name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase))
        {
            return "is chosen by Transforms.HostHeader";
        }

        if (name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
        {
            return "frames the body";
        }

        if (ForwardedHeaders.IsForwardingHeader(name)
            || name.Equals(TraceContextHeaders.TraceParent, StringComparison.OrdinalIgnoreCase)
            || name.Equals(TraceContextHeaders.TraceState, StringComparison.OrdinalIgnoreCase))
        {
            return "is set by the edge itself";
        }

        return name.Equals(EdgeIdentityToken.HeaderName, StringComparison.OrdinalIgnoreCase) || IsIdentityHeader(name, identityHeaders)
            ? "carries identity, which only the edge's authentication may set (Identity.StripHeaders)"
            : null;
    }

    private static string? ResponseRefusal(string name, bool routeHasCors)
    {
        if (HopByHopHeaders.IsHopByHop(name))
        {
            return "is hop-by-hop (RFC 9110 §7.6.1) and never forwarded";
        }

        if (name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return "describes the body as sent";
        }

        return routeHasCors && name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)
            ? "is owned by the route's Cors"
            : null;
    }

    private static bool IsIdentityHeader(string name, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.EndsWith('*')
                ? name.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
                : name.Equals(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
