using Bff.Edge.Routing;

namespace Bff.Edge.Configuration;

/// <summary>Checks one entry of <c>Routes</c>, including that its cluster exists and its templates parse.</summary>
internal static class RouteConfigValidator
{
    public static void Validate(string id, RouteConfig route, IReadOnlyDictionary<string, ClusterConfig> clusters, List<string> errors)
    {
        var key = $"Routes.{id}";
        if (string.IsNullOrWhiteSpace(route.ClusterId))
        {
            errors.Add($"{key}.ClusterId: is required");
        }
        else if (!clusters.ContainsKey(route.ClusterId))
        {
            errors.Add($"{key}.ClusterId: cluster '{route.ClusterId}' is not defined under Clusters");
        }

        PathTemplate? template = null;
        if (route.Match?.Path is not { } path)
        {
            errors.Add($"{key}.Match.Path: is required");
        }
        else if (!PathTemplate.TryParse(path, out template, out var error))
        {
            errors.Add($"{key}.Match.Path: {error}");
        }

        if (route.Match is { } match)
        {
            ValidateMatch(key, match, errors);
        }

        var transforms = route.Transforms;
        if (transforms.PathPattern is { } pattern)
        {
            if (transforms.PathRemovePrefix is not null || transforms.PathPrefix is not null)
            {
                errors.Add($"{key}.Transforms.PathPattern: cannot be combined with PathRemovePrefix or PathPrefix");
            }

            if (template is not null && !PathTransform.TryCreatePattern(pattern, template, out _, out var error))
            {
                errors.Add($"{key}.Transforms.PathPattern: {error}");
            }
        }

        RequireLiteralPath(transforms.PathRemovePrefix, $"{key}.Transforms.PathRemovePrefix", errors);
        RequireLiteralPath(transforms.PathPrefix, $"{key}.Transforms.PathPrefix", errors);

        if (route.Cors is { } cors)
        {
            RouteCorsConfigValidator.Validate(key, cors, errors);
        }

        if (route.Compression is { } compression)
        {
            if (compression.MinimumBodySize < 0)
            {
                errors.Add($"{key}.Compression.MinimumBodySize: must be 0 or positive (got {compression.MinimumBodySize})");
            }

            if (compression.Level is not (System.IO.Compression.CompressionLevel.Fastest or System.IO.Compression.CompressionLevel.Optimal))
            {
                errors.Add($"{key}.Compression.Level: must be Fastest or Optimal (got {compression.Level})");
            }
        }

        if (route.Timeout is { } timeout)
        {
            ServerConfigValidator.RequirePositive(timeout, $"{key}.Timeout", errors);
        }

        if (route.MaxRequestBodySize is { } max && max < 0)
        {
            errors.Add($"{key}.MaxRequestBodySize: must be 0 or positive (got {max})");
        }
    }

    private static void ValidateMatch(string key, RouteMatchConfig match, List<string> errors)
    {
        if (match.Methods is { } methods)
        {
            for (var i = 0; i < methods.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(methods[i]) || !methods[i].All(char.IsAsciiLetterUpper))
                {
                    errors.Add($"{key}.Match.Methods[{i}]: '{methods[i]}' is not an upper-case HTTP method");
                }
            }
        }

        if (match.Hosts is { } hosts)
        {
            for (var i = 0; i < hosts.Count; i++)
            {
                if (!HostMatcher.IsValidPattern(hosts[i]))
                {
                    errors.Add($"{key}.Match.Hosts[{i}]: '{hosts[i]}' is not a host name, optionally with '*.' in front and ':port' behind");
                }
            }
        }

        if (match.Headers is { } headers)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(headers[i].Name))
                {
                    errors.Add($"{key}.Match.Headers[{i}].Name: is required");
                }
            }
        }
    }

    private static void RequireLiteralPath(string? value, string key, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        if (!value.StartsWith('/') || value.Contains('{', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal) || value.Contains("..", StringComparison.Ordinal))
        {
            errors.Add($"{key}: '{value}' must be a literal path starting with '/' (no '{{', '?' or '..')");
        }
    }
}
