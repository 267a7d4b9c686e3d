using System.Text;
using Bff.Edge.Configuration;
using Bff.Edge.Routing;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Transforms;

/// <summary>
/// A route's header and query transforms compiled at load into arrays in application order. A route without any
/// has none of these objects (<see cref="Create"/> returns null), so it pays nothing per request.
/// </summary>
internal sealed class RouteTransforms
{
    private readonly HeaderTransform[] _request;
    private readonly QueryTransform[] _query;
    private readonly HeaderTransform[] _response;
    private readonly PathTemplate? _routeValuesTemplate;

    private RouteTransforms(HeaderTransform[] request, QueryTransform[] query, HeaderTransform[] response, PathTemplate? routeValuesTemplate)
    {
        _request = request;
        _query = query;
        _response = response;
        _routeValuesTemplate = routeValuesTemplate;
    }

    public bool HasResponseTransforms => _response.Length > 0;

    /// <summary>Compiles a validated config; null when it asks for no header or query change.</summary>
    public static RouteTransforms? Create(RouteTransformsConfig config, PathTemplate template)
    {
        var request = Compile(config.RequestHeaders, template);
        var response = Compile(config.ResponseHeaders, template);
        var query = Compile(config.Query, template);
        if (request.Length == 0 && response.Length == 0 && query.Length == 0)
        {
            return null;
        }

        var usesRouteValues = request.Any(t => t.Value?.UsesRouteValues == true)
            || response.Any(t => t.Value?.UsesRouteValues == true)
            || query.Any(t => t.Value?.UsesRouteValues == true);
        return new RouteTransforms(request, query, response, usesRouteValues ? template : null);
    }

    /// <summary>The route's parameter values for this request (decoded), or null when no value uses them.</summary>
    public string[]? CaptureRouteValues(HttpRequest request)
    {
        if (_routeValuesTemplate is null)
        {
            return null;
        }

        var path = EdgeRoutingMiddleware.NormalizePath(request.Path.Value);
        Span<Range> captures = stackalloc Range[PathTemplate.MaxParameters];
        var values = new string[_routeValuesTemplate.ParameterNames.Count];
        if (_routeValuesTemplate.TryMatch(path, captures))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = path[captures[i]];
            }
        }

        return values;
    }

    public void ApplyToRequest(HttpRequest request, string[]? routeValues)
    {
        foreach (var transform in _request)
        {
            transform.Apply(request.Headers, routeValues);
        }

        if (_query.Length > 0)
        {
            request.QueryString = ApplyToQuery(request.QueryString, routeValues);
        }
    }

    public void ApplyToResponse(IHeaderDictionary headers, string[]? routeValues)
    {
        foreach (var transform in _response)
        {
            transform.Apply(headers, routeValues);
        }
    }

    private QueryString ApplyToQuery(QueryString query, string[]? routeValues)
    {
        var builder = new StringBuilder();
        var rest = query.HasValue ? query.Value.AsSpan(1) : default;
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? default : rest[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (!IsReplaced(name))
            {
                builder.Append(builder.Length == 0 ? '?' : '&').Append(pair);
            }
        }

        foreach (var transform in _query)
        {
            if (transform.Kind != TransformKind.Remove)
            {
                builder.Append(builder.Length == 0 ? '?' : '&').Append(transform.EncodedName).Append('=').Append(transform.EncodedValue(routeValues));
            }
        }

        return builder.Length == 0 ? QueryString.Empty : new QueryString(builder.ToString());
    }

    // Removed and set names drop every occurrence the client sent, however it was encoded.
    private bool IsReplaced(ReadOnlySpan<char> rawName)
    {
        var name = rawName.ContainsAny('%', '+') ? Uri.UnescapeDataString(rawName.ToString().Replace('+', ' ')).AsSpan() : rawName;
        foreach (var transform in _query)
        {
            if (transform.Kind is TransformKind.Remove or TransformKind.Set && name.Equals(transform.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static HeaderTransform[] Compile(HeaderTransformsConfig? config, PathTemplate template)
    {
        if (config is null)
        {
            return [];
        }

        var list = new List<HeaderTransform>();
        list.AddRange((config.Remove ?? []).Select(n => new HeaderTransform(TransformKind.Remove, n, null, null)));
        list.AddRange((config.Rename ?? new Dictionary<string, string>()).Select(r => new HeaderTransform(TransformKind.Rename, r.Key, r.Value, null)));
        list.AddRange((config.Set ?? new Dictionary<string, string>()).Select(s => new HeaderTransform(TransformKind.Set, s.Key, null, Parse(s.Value, template))));
        list.AddRange((config.Add ?? new Dictionary<string, string>()).Select(a => new HeaderTransform(TransformKind.Add, a.Key, null, Parse(a.Value, template))));
        return [.. list];
    }

    private static QueryTransform[] Compile(QueryTransformsConfig? config, PathTemplate template)
    {
        if (config is null)
        {
            return [];
        }

        var list = new List<QueryTransform>();
        list.AddRange((config.Remove ?? []).Select(n => new QueryTransform(TransformKind.Remove, n, null)));
        list.AddRange((config.Set ?? new Dictionary<string, string>()).Select(s => new QueryTransform(TransformKind.Set, s.Key, Parse(s.Value, template))));
        list.AddRange((config.Add ?? new Dictionary<string, string>()).Select(a => new QueryTransform(TransformKind.Add, a.Key, Parse(a.Value, template))));
        return [.. list];
    }

    private static ValueTemplate Parse(string value, PathTemplate template) =>
        ValueTemplate.TryParse(value, template.ParameterNames, out var parsed, out var error) ? parsed! : throw new InvalidOperationException(error);
}
